// `npm run package`: minified bundles and a .vsix made with @vscode/vsce.
// Everything happens in a staging folder holding only the allow-listed files
// (.vscodeignore is applied there too), so dist/ of the checkout is left as
// it is and tests running at the same time are not disturbed. No
// node_modules: the bundles hold everything. Prints the size; fails when
// something that does not belong in a .vsix slipped through.
//   XXGK_VSIX=/path/out.vsix  where to write it (default ./<name>-<version>.vsix)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.env.XXGK_VSIX ?? join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const t0 = Date.now();
const stage = mkdtempSync(join(tmpdir(), 'xxgk-vsix-'));
try {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
  await Promise.all([
    build({ ...common, entryPoints: [join(root, 'server/src/server.ts')], outfile: join(stage, 'dist/server.js') }),
    build({ ...common, entryPoints: [join(root, 'server/src/lsp/check-worker.ts')], outfile: join(stage, 'dist/check-worker.js') }),
    build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(stage, 'dist/client.js'), external: ['vscode'] }),
  ]);
  const copy = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', '.vscodeignore', 'README.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'syntaxes', 'schemas', 'docs/rules', 'docs/images/icon.png'];
  for (const f of copy) if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });
  if (!existsSync(join(stage, 'schemas', 'xxgklintrc.schema.json'))) console.warn('package: schemas/xxgklintrc.schema.json is missing; jsonValidation will find nothing');
  const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => existsSync(join(stage, f)));
  const run = (args) => execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const files = run(['ls', '--no-dependencies']).split('\n').filter(Boolean);
  const bad = files.filter((f) => /(^|\/)node_modules\/|\.map$|\.ts$|^test\/|^server\/|^client\/|^scripts\//.test(f));
  if (bad.length) {
    console.error(`package: these must not be in the .vsix:\n  ${bad.join('\n  ')}`);
    process.exit(1);
  }
  run(['package', '--no-dependencies', ...(license ? [] : ['--skip-license']), '--out', out]);
  const kb = (statSync(out).size / 1024).toFixed(1);
  console.log(`package: ${out} — ${kb} KB, ${files.length} files, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const f of files) console.log(`  ${f}  (${(statSync(join(stage, f)).size / 1024).toFixed(1)} KB)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
