// A report file on disk as text, decoded the way the CLI decodes it (BOM,
// strict UTF-8, else GB18030): the editor reads last year's report and a
// hierarchy's units with it, so a GBK file is read there too.
import { readFileSync } from 'node:fs';
import { decode } from './decode';

/** The file's text; throws when it cannot be read or decoded. */
export function readReportText(path: string): string {
  return decode(readFileSync(path)).text;
}
