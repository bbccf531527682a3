// The floor of a batch: read every report file under a folder and split it
// into lines, in one Node process and nothing else. `npm run bench` times this
// whole process next to the CLI's, on the same files, so their ratio is what
// the checking itself costs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const utf8 = new TextDecoder('utf-8');
let files = 0;
let lines = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      files++;
      lines += utf8.decode(readFileSync(p)).split(/\r\n|\r|\n/).length;
    }
  }
};
walk(process.argv[2]);
console.log(JSON.stringify({ files, lines }));
