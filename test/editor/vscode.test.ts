// Real VS Code: the packaged .vsix installed into code-server 4.100.3, driven
// by Debian's Chromium through playwright-core. The assertions run inside the
// extension host (./vscode/suite.js, loaded with code-server's `payload`
// extensionTestsPath), with the real `vscode` API; this driver waits for the
// verdict file and takes the screenshots (test-artifacts/vscode-hover.png,
// vscode-quickfix.png, vscode-reportview.png, vscode-markdown.png).
// Needs scripts/editor/install.sh; skips with a printed reason otherwise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../server/src/core/parse';
import { figuresOf, fillTemplate } from '../shapes/docx-fill';
import { readSeed, SHARED } from '../support/fixtures';
import { cellAt, renderSeed } from '../support/render-seed';
import { ARTIFACTS, CHROMIUM, CODE_SERVER, ROOT, freePort, packageVsix, scratch, requireReady, skipReason, sleep, xdgEnv } from './support';

const skip = skipReason('code-server');
const TOTAL_LINE = 97;

describe('VS Code (code-server 4.100.3 + Chromium)', () => {
  let server: ChildProcess | undefined;
  let log = '';
  afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  });

  it.skipIf(!!skip)('the .vsix installs; diagnostic, hover, outline and quick fix work in the extension host', async () => {
    requireReady('code-server');
    const t0 = Date.now();
    const timing: Record<string, number> = {};
    const dir = scratch('vscode');
    const ws = join(dir, 'ws');
    const user = join(dir, 'user');
    const ext = join(dir, 'ext');
    mkdirSync(ws, { recursive: true });
    mkdirSync(join(user, 'User'), { recursive: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const lines = readSeed('000').split('\n');
    expect(lines[TOTAL_LINE]).toBe('\t24');
    lines[TOTAL_LINE] = '\t27';
    writeFileSync(join(ws, 'report-000.txt'), lines.join('\n'));
    writeFileSync(join(ws, 'sample.xxgk'), readSeed('001'));
    // The same report as Markdown (GFM tables), with the same wrong total.
    const md = renderSeed(readSeed('000'), 'markdown');
    const cell = cellAt(parseReport(md), 'requests', 'received', 'total')!;
    const mdLines = md.split('\n');
    const at = cell.range.start;
    mdLines[at.line] = mdLines[at.line].slice(0, at.character) + '27' + mdLines[at.line].slice(cell.range.end.character);
    writeFileSync(join(ws, 'report-000.md'), mdLines.join('\n'));
    // The official 2021 template as WPS saves it, filled with seed 001's figures, 一、本年新收 总计 23 instead of 22.
    const figures = figuresOf(readSeed('001'));
    figures.requests.received.total = '23';
    writeFileSync(join(ws, 'report-wps.docx'), await fillTemplate(readFileSync(join(SHARED, 'word', 'template-2021-wps.docx')), figures));
    writeFileSync(
      join(user, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.colorTheme': 'Default Light Modern',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'editor.minimap.enabled': false,
        'editor.fontSize': 15,
        'editor.hover.delay': 100,
        'editor.hover.above': false,
        'window.commandCenter': false,
      }),
    );
    const env = { ...process.env, ...xdgEnv(dir), XXGK_VERDICT: join(dir, 'verdict.json') };

    // 1. Package and install, as a user would.
    const vsix = join(dir, 'xxgk-lint.vsix');
    const packOut = packageVsix(vsix);
    timing.package = Date.now() - t0;
    expect(packOut).toMatch(/package: .* KB/);
    const inst = spawnSync(CODE_SERVER, ['--user-data-dir', user, '--extensions-dir', ext, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120000 });
    expect(inst.status, inst.stdout + inst.stderr).toBe(0);
    expect(inst.stdout).toMatch(/xxgk-lint.* was successfully installed/);
    timing.install = Date.now() - t0;

    // 2. Start code-server.
    const port = await freePort();
    server = spawn(
      CODE_SERVER,
      ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', user, '--extensions-dir', ext, ws],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (b) => (log += b));
    server.stderr!.on('data', (b) => (log += b));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 300) throw new Error(`code-server did not answer /healthz:\n${log}`);
      await sleep(100);
    }
    timing.serverUp = Date.now() - t0;

    // 3. Chromium on the workbench, with the extension tests as payload.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(join(ROOT, 'test/editor/vscode/harness'))],
      ['extensionTestsPath', remote(join(ROOT, 'test/editor/vscode/suite.js'))],
    ];
    const url = `${base}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const verdictFile = join(dir, 'verdict.json');
    let verdict: { phase: string; ok?: boolean; error?: string; checks: { name: string; ok: boolean; detail?: string }[]; timings: Record<string, number> } | undefined;
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 880 } });
      await page.goto(url);
      const shots = new Set<string>();
      const deadline = Date.now() + 180000;
      while (Date.now() < deadline) {
        if (existsSync(verdictFile)) {
          verdict = JSON.parse(readFileSync(verdictFile, 'utf8'));
          const click = /^click:([\w-]+)$/.exec(verdict!.phase);
          if (click && !shots.has(`click-${click[1]}`)) {
            // The report view is a webview: its page sits in nested frames.
            const selector = (verdict as unknown as { selector: string }).selector;
            for (const frame of page.frames()) {
              const el = await frame.$(selector).catch(() => null);
              if (el) {
                await el.click();
                break;
              }
            }
            shots.add(`click-${click[1]}`);
            writeFileSync(`${verdictFile}.click-${click[1]}-done`, '');
          }
          const m = /^screenshot:([\w-]+)$/.exec(verdict!.phase);
          if (m && !shots.has(m[1])) {
            await page.screenshot({ path: join(ARTIFACTS, `vscode-${m[1]}.png`) });
            shots.add(m[1]);
            timing[`screenshot-${m[1]}`] = Date.now() - t0;
            writeFileSync(`${verdictFile}.screenshot-${m[1]}-done`, '');
          }
          if (verdict!.phase === 'done' || verdict!.phase === 'failed') break;
        }
        await sleep(200);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'vscode-final.png') }).catch(() => undefined);
    } finally {
      await browser.close();
    }
    timing.total = Date.now() - t0;
    const summary = verdict ? verdict.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`).join('\n') : 'no verdict';
    writeFileSync(join(ARTIFACTS, 'vscode-verdict.json'), JSON.stringify({ verdict, timing }, null, 2));
    writeFileSync(join(ARTIFACTS, 'code-server.log'), log);
    console.log(`code-server run: ${JSON.stringify(timing)}\n${summary}`);
    expect(verdict, `no verdict from the extension host; code-server log:\n${log.slice(-3000)}`).toBeDefined();
    expect(verdict!.error ?? null, summary).toBeNull();
    expect(verdict!.ok).toBe(true);
    expect(verdict!.checks.length).toBeGreaterThanOrEqual(20);
    expect(existsSync(join(ARTIFACTS, 'vscode-hover.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'vscode-quickfix.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'vscode-markdown.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'vscode-reportview.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'vscode-docx-problems.png'))).toBe(true);
  }, 300000);
});
