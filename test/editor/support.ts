// Shared by the real-editor tests: what they need installed, a free port,
// packaging the .vsix, and a scratch folder per run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE = process.env.XXGK_EDITOR_CACHE ?? join(homedir(), '.cache', 'xxgk-lint');
export const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';
/** Set by .ci/run: a missing prerequisite fails the test instead of skipping it. */
export const REQUIRED = process.env.XXGK_REQUIRE_EDITORS === '1';

export function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  return undefined;
}

/** Why a test cannot run here, or [] when it can. */
export function missing(what: 'code-server' | 'nvim'): string[] {
  const out: string[] = [];
  if (what === 'code-server') {
    if (!existsSync(CHROMIUM)) out.push(`no ${CHROMIUM} (apt-get install chromium)`);
    if (!existsSync(CODE_SERVER) || !existsSync(join(CODE_SERVER_DIR, '.complete'))) out.push(`no code-server ${CODE_SERVER_VERSION} in ${CODE_SERVER_DIR}`);
  } else if (!which('nvim')) {
    out.push('no nvim on PATH (apt-get install neovim)');
  }
  return out;
}

/**
 * Why the test must skip, printed once; undefined when it can run. Under
 * XXGK_REQUIRE_EDITORS=1 (CI) it never skips: the test runs and fails on
 * `requireReady`.
 */
export function skipReason(what: 'code-server' | 'nvim'): string | undefined {
  const m = missing(what);
  if (!m.length) return undefined;
  const reason = `${m.join('; ')} — run scripts/editor/install.sh`;
  if (REQUIRED) return undefined;
  console.warn(`SKIPPED real-editor test (${what}): ${reason}`);
  return reason;
}

/** Throws (failing the test) when a prerequisite is missing. */
export function requireReady(what: 'code-server' | 'nvim'): void {
  const m = missing(what);
  if (m.length) throw new Error(`cannot run the ${what} test: ${m.join('; ')} — run scripts/editor/install.sh`);
}

export function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `xxgk-${name}-`));
  for (const d of ['config', 'data', 'cache', 'state', 'runtime']) mkdirSync(join(dir, 'xdg', d), { recursive: true });
  return dir;
}

export function xdgEnv(dir: string): Record<string, string> {
  return {
    XDG_CONFIG_HOME: join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(dir, 'xdg', 'cache'),
    XDG_STATE_HOME: join(dir, 'xdg', 'state'),
    XDG_RUNTIME_DIR: join(dir, 'xdg', 'runtime'),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Packages the extension as users get it (npm run package), into `out`. */
export function packageVsix(out: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'editor', 'package.mjs')], {
    cwd: ROOT,
    env: { ...process.env, XXGK_VSIX: out },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
