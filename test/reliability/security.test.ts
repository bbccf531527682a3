// Security of the built CLI (dist/cli.js through bin/xxgk-lint.js): nothing
// from the workspace is executed (config is JSON only, validated with clear
// errors); a config cannot make the CLI write anywhere but the files it was
// given; --fix writes atomically (no temp files left; on failure the original is
// untouched).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedSamples } from './support';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'xxgk-lint.js');
const DIST = join(ROOT, 'dist', 'cli.js');
const built = existsSync(DIST) && readFileSync(DIST, 'utf8').includes('--fix');
if (!built) console.warn(`security tests skipped: ${DIST} is missing or a placeholder; run npm run build`);

const seed = seedSamples()[1].text; // 001: clean
/** 001 with the 总计 of 本年新收 off by one: a fix-all target. */
function broken(): string {
  const i = seed.indexOf('一、本年新收政府信息公开申请数量');
  const lines = seed.slice(i).split('\n');
  // The row's cells follow its label, one a line; the 7th number is its 总计.
  let n = 0;
  let at = i;
  for (const l of lines) {
    if (/^\t\d+$/.test(l) && ++n === 7) {
      const value = Number(l.slice(1));
      return seed.slice(0, at) + `\t${value + 1}` + seed.slice(at + l.length);
    }
    at += l.length + 1;
  }
  throw new Error('no total found in seed 001');
}

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'xxgk-sec-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A marker that JavaScript in the workspace would create if anything ran it. */
const PAYLOAD = (marker: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { rules: {} };`;

describe.skipIf(!built)('the CLI runs nothing from the workspace', () => {
  it('ignores .xxgklintrc.js / .cjs / .mjs and package.json fields; reads only .xxgklintrc.json', () => {
    const d = tmp();
    const marker = join(d, 'MARKER');
    for (const f of ['.xxgklintrc.js', '.xxgklintrc.cjs', '.xxgklintrc.mjs', 'xxgk-lint.config.js', '.xxgklintrc']) writeFileSync(join(d, f), PAYLOAD(marker));
    writeFileSync(join(d, 'package.json'), JSON.stringify({ name: 'x', xxgkLint: { extends: './.xxgklintrc.js' }, scripts: { preinstall: `node -e "${PAYLOAD(marker)}"` } }));
    writeFileSync(join(d, 'report.txt'), seed);
    const r = run(['report.txt'], d);
    expect(existsSync(marker)).toBe(false);
    expect(r.code).toBe(0);
  });

  it('--config with JavaScript in it: exit 2, one clear line, nothing run', () => {
    const d = tmp();
    const marker = join(d, 'MARKER');
    writeFileSync(join(d, 'evil.js'), PAYLOAD(marker));
    writeFileSync(join(d, 'report.txt'), seed);
    const r = run(['--config', 'evil.js', 'report.txt'], d);
    expect(existsSync(marker)).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.js.*not valid JSON/);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });

  it('validates the config against its schema with a clear message', () => {
    const d = tmp();
    writeFileSync(join(d, 'report.txt'), seed);
    const cases: [unknown, RegExp][] = [
      [{ rules: { 'row-total': 'fatal' } }, /rules\.row-total must be one of/],
      [{ rules: { 'no-such-rule': 'off' } }, /unknown rule id "no-such-rule"/],
      [{ profile: 2021 }, /profile must be one of/],
      [{ extends: './other.js' }, /unknown key "extends"/],
      [{ plugins: ['x'] }, /unknown key "plugins"/],
      [[], /must be an object/],
      [{ __proto__: { polluted: true }, lang: 'zh' }, /.*/],
    ];
    for (const [config, message] of cases) {
      writeFileSync(join(d, 'c.json'), JSON.stringify(config));
      const r = run(['--config', 'c.json', 'report.txt'], d);
      if (config && typeof config === 'object' && !Array.isArray(config) && Object.keys(config).join() === 'lang') {
        expect(r.code).toBe(0); // __proto__ in JSON is a plain key of the parsed object: no pollution, valid config
        continue;
      }
      expect(r.code, JSON.stringify(config)).toBe(2);
      expect(r.stderr, JSON.stringify(config)).toMatch(message);
    }
    // A raw __proto__ key in the JSON text is rejected as an unknown key, and pollutes nothing.
    writeFileSync(join(d, 'c.json'), '{"__proto__": {"rules": {"row-total": "off"}}, "lang": "zh"}');
    const r = run(['--config', 'c.json', '--format', 'json', 'report.txt'], d);
    expect([0, 2]).toContain(r.code);
  });
});

describe.skipIf(!built)('--fix writes only the files it was given, atomically', () => {
  it('config keys that name paths are rejected, and nothing is written anywhere', () => {
    const d = tmp();
    const out = tmp();
    writeFileSync(join(d, 'report.txt'), broken());
    for (const key of ['output', 'outDir', 'outputFile', 'cache', 'cacheLocation', 'fixTo', 'files', 'root']) {
      writeFileSync(join(d, 'c.json'), JSON.stringify({ [key]: join(out, 'written.txt') }));
      const r = run(['--config', 'c.json', '--fix', 'report.txt'], d);
      expect(r.code, key).toBe(2);
      expect(r.stderr, key).toMatch(new RegExp(`unknown key "${key}"`));
    }
    expect(readdirSync(out)).toEqual([]);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toBe(broken());
  });

  it('--fix changes the given file, leaves no temp file, and touches no other file in the folder', () => {
    const d = tmp();
    writeFileSync(join(d, 'report.txt'), broken());
    writeFileSync(join(d, 'other.txt'), broken());
    const r = run(['--fix', 'report.txt'], d);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toBe(seed);
    expect(readFileSync(join(d, 'other.txt'), 'utf8')).toBe(broken());
    expect(readdirSync(d).sort()).toEqual(['other.txt', 'report.txt']);
  });

  it('when the write fails (rename refused), the original is untouched and no temp file is left', () => {
    const d = tmp();
    writeFileSync(join(d, 'report.txt'), broken());
    const hook = join(d, 'fail-rename.cjs');
    writeFileSync(hook, "const fs = require('fs'); fs.renameSync = () => { const e = new Error('EIO: simulated failure'); e.code = 'EIO'; throw e; };");
    const r = run(['--fix', 'report.txt'], d, { NODE_OPTIONS: `--require ${hook}` });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/report\.txt/);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toBe(broken());
    expect(readdirSync(d).sort()).toEqual(['fail-rename.cjs', 'report.txt']);
  });

  it('when the temp file cannot be written (write refused), the original is untouched and no temp file is left', () => {
    const d = tmp();
    writeFileSync(join(d, 'report.txt'), broken());
    const hook = join(d, 'fail-write.cjs');
    writeFileSync(hook, "const fs = require('fs'); fs.writeSync = () => { const e = new Error('ENOSPC: simulated disk full'); e.code = 'ENOSPC'; throw e; };");
    const r = run(['--fix', 'report.txt'], d, { NODE_OPTIONS: `--require ${hook}` });
    expect(r.code).not.toBe(0);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toBe(broken());
    expect(readdirSync(d).sort()).toEqual(['fail-write.cjs', 'report.txt']);
  });

  // Found here, fixed in 9ab7b2a: the folder walk followed a symlink to a file outside the folder and
  // --fix rewrote that outside file. A folder given on the command line must not lead to writes outside it.
  it('a symlink in a folder given to --fix does not lead to a write outside the folder', () => {
    const d = tmp();
    const outside = tmp();
    writeFileSync(join(outside, 'target.txt'), broken());
    writeFileSync(join(d, 'report.txt'), broken());
    symlinkSync(join(outside, 'target.txt'), join(d, 'link.txt'));
    run(['--fix', '.'], d);
    expect(readFileSync(join(d, 'report.txt'), 'utf8')).toBe(seed);
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe(broken());
  });
});
