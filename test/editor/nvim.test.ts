// Neovim (Debian's 0.7.2, headless) as a second, non-VS Code LSP client of
// the same server: diagnostic, hover, code action round trip, fix-all.
// Needs `nvim` (apt-get install neovim); skips with a printed reason otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../support/fixtures';
import { ROOT, scratch, requireReady, skipReason, xdgEnv } from './support';

const skip = skipReason('nvim');

describe('Neovim 0.7 (headless) with npx xxgk-lint-server --stdio', () => {
  it.skipIf(!!skip)('diagnostic, hover, code action round trip', () => {
    requireReady('nvim');
    const dir = scratch('nvim');
    const file = join(dir, 'report-000.txt');
    const lines = readSeed('000').split('\n');
    lines[97] = '\t27';
    writeFileSync(file, lines.join('\n'));
    const out = join(dir, 'out.txt');
    const server = join(ROOT, 'dist', 'server.js');
    expect(existsSync(server), 'npm run build first').toBe(true);
    const t0 = Date.now();
    const r = spawnSync('nvim', ['--headless', '--clean', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'nvim', 'roundtrip.lua')}`], {
      env: { ...process.env, ...xdgEnv(dir), XXGK_OUT: out, XXGK_SERVER: server, XXGK_FILE: file },
      encoding: 'utf8',
      timeout: 90000,
    });
    const report = existsSync(out) ? readFileSync(out, 'utf8') : '(no output)';
    console.log(`nvim round trip in ${Date.now() - t0} ms:\n${report}`);
    expect(report, r.stderr).toContain('VERDICT ok');
    expect(r.status, r.stderr).toBe(0);
    expect(report).not.toContain('FAIL');
    expect(report.match(/^ok /gm)?.length).toBeGreaterThanOrEqual(12);
  }, 120000);
});
