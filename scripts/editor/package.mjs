// `npm run package`: minified bundles, then a .vsix with @vscode/vsce
// (no node_modules: the bundles hold everything). Prints the size and fails
// when something that does not belong in it slipped through.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.env.XXGK_VSIX ?? join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const t0 = Date.now();
run(process.execPath, ['scripts/build.mjs', '--minify']);
if (!existsSync(join(root, 'schemas', 'xxgklintrc.schema.json'))) console.warn('package: schemas/xxgklintrc.schema.json is missing; jsonValidation will find nothing');
const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(root, f)));
const common = ['--no-dependencies', ...(license ? [] : ['--skip-license'])];
const files = run(process.execPath, [vsce, 'ls', '--no-dependencies']).split('\n').filter(Boolean);
const bad = files.filter((f) => /(^|\/)node_modules\/|\.map$|\.ts$|^test\/|^server\/|^client\/|^\.cache\//.test(f));
if (bad.length) {
  console.error(`package: these must not be in the .vsix:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
run(process.execPath, [vsce, 'package', ...common, '--out', out]);
const kb = (statSync(out).size / 1024).toFixed(1);
console.log(`package: ${out} — ${kb} KB, ${files.length} files, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const f of files) console.log(`  ${f}`);
