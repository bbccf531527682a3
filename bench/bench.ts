// The measurements behind `npm run bench` (bench/run.mjs bundles this file with
// esbuild and runs one mode per child process, so each can be profiled alone).
//   markdown  full lint of each Markdown sample vs a bare unified+remark-parse+remark-gfm
//             parse, and vs markdownlint's default rules, on the same text
//   word      Word-text MB/s of full lint vs splitting the text into lines
//   latency   didChange → publishDiagnostics through dist/server.js over stdio
//   generate  writes the batch corpus (mixed shapes) into a folder
//   warmup    one thread's share of that batch linted twice: cold, then warm
// Each mode prints one JSON line on stdout.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { lint } from '../server/src/engine/lint';
import { renderSeed } from '../test/support/render-seed';

const ROOT = process.env.XXGK_ROOT ?? join(__dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared');
const quick = process.argv.includes('--quick');

function texts(dir: string): { name: string; text: string }[] {
  return readdirSync(join(SHARED, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${dir}/${f.slice(0, 12)}`, text: readFileSync(join(SHARED, dir, f), 'utf8') }));
}
const seeds = texts('seeds');
const corpus = texts('corpus');

/** Median time of `f` in ms, after warm-up, over at least `minMs` of runs. */
function measure(f: () => unknown, minMs = quick ? 150 : 600, minRuns = 5): number {
  for (let i = 0; i < 3; i++) f();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
    if (times.length > 2000) break;
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

interface MarkdownRow { sample: string; kb: number; lintMs: number; remarkMs: number; markdownlintMs: number; vsRemark: number; vsMarkdownlint: number }
interface WordRow { sample: string; kb: number; lintMs: number; lintMBps: number; splitMBps: number }

function markdownMode() {
  const parser = unified().use(remarkParse).use(remarkGfm);
  const rows: MarkdownRow[] = [];
  for (const s of seeds) {
    for (const shape of ['markdown', 'markdown-plain'] as const) {
      const text = renderSeed(s.text, shape);
      const ours = measure(() => lint(text));
      const remark = measure(() => parser.parse(text));
      const mdl = measure(() => markdownlint({ strings: { doc: text } }));
      rows.push({ sample: `${s.name}:${shape}`, kb: +(bytes(text) / 1024).toFixed(1), lintMs: ours, remarkMs: remark, markdownlintMs: mdl, vsRemark: ours / remark, vsMarkdownlint: ours / mdl });
    }
  }
  const sum = (k: 'lintMs' | 'remarkMs' | 'markdownlintMs') => rows.reduce((a, r) => a + r[k], 0);
  console.log(JSON.stringify({ mode: 'markdown', rows, vsRemark: sum('lintMs') / sum('remarkMs'), vsMarkdownlint: sum('lintMs') / sum('markdownlintMs') }));
}

function wordMode() {
  const rows: WordRow[] = [];
  const docs = [...seeds, ...corpus];
  const one = (name: string, text: string) => {
    const mb = bytes(text) / 1e6;
    const ms = measure(() => lint(text));
    const splitMs = measure(() => text.split(/\r\n|\r|\n/));
    rows.push({ sample: name, kb: +(bytes(text) / 1024).toFixed(1), lintMs: ms, lintMBps: mb / (ms / 1000), splitMBps: mb / (splitMs / 1000) });
  };
  for (const d of docs) one(d.name, d.text);
  const all = docs.map((d) => d.text).join('\n');
  const big = Array.from({ length: Math.ceil(1e6 / bytes(all)) }, () => all).join('\n');
  one('seeds+corpus ×N (≈1 MB)', big);
  const total = rows.slice(0, docs.length);
  const lintMs = total.reduce((a, r) => a + r.lintMs, 0);
  const mb = docs.reduce((a, d) => a + bytes(d.text), 0) / 1e6;
  const splitMBps = mb / (docs.reduce((a, d) => a + measure(() => d.text.split(/\r\n|\r|\n/), 50), 0) / 1000);
  console.log(JSON.stringify({ mode: 'word', rows, lintMBps: mb / (lintMs / 1000), splitMBps, bigMBps: rows[rows.length - 1].lintMBps }));
}

async function latencyMode() {
  const server = join(ROOT, 'dist', 'server.js');
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
  proc.stderr.resume();
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<string, { version: number; resolve: () => void }>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) {
      waiting.delete(p.uri);
      w.resolve();
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounce: 0, check: 'all' })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('xxgk/status', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { xxgkLint: { debounce: 0, check: 'all' } },
  });
  conn.sendNotification('initialized', {});
  await new Promise((r) => setTimeout(r, 300));
  const base = seeds.map((s) => s.text).join('\n');
  const sized = (n: number) => {
    let t = base;
    while (bytes(t) < n) t += '\n' + base;
    // Cut at a line end near n bytes (counting UTF-8).
    const out: string[] = [];
    let count = 0;
    for (const line of t.split('\n')) {
      const b = bytes(line) + 1;
      if (count + b > n && out.length) break;
      out.push(line);
      count += b;
    }
    return out.join('\n') + '\n';
  };
  const published = (uri: string, version: number) => new Promise<void>((resolve) => waiting.set(uri, { version, resolve }));
  const rows: { size: string; kb: number; medianMs: number; maxMs: number; hoverDuringLintMs: number }[] = [];
  for (const [label, size] of [['10 KB', 10_000], ['100 KB', 100_000], ['1 MB', 1_000_000]] as const) {
    const text = sized(size);
    const uri = `file:///bench/${label.replace(' ', '')}.txt`;
    let version = 1;
    let p = published(uri, version);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version, text } });
    await p;
    const times: number[] = [];
    const runs = size >= 1e6 ? (quick ? 3 : 5) : quick ? 10 : 30;
    for (let i = 0; i < runs; i++) {
      version++;
      // A one-character edit in the middle, as when typing; the server re-lints the whole document.
      const line = Math.floor(text.split('\n').length / 2);
      p = published(uri, version);
      const t = performance.now();
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 2 ? '' : ' ' }],
      });
      await p;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // A hover sent right after a change, while that version is checked on the server's checking thread: answered from the last analysis.
    version++;
    p = published(uri, version);
    conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }] });
    await new Promise((r) => setTimeout(r, 5));
    const th = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    const hoverMs = performance.now() - th;
    await p;
    rows.push({ size: label, kb: +(bytes(text) / 1024).toFixed(0), medianMs: times[times.length >> 1], maxMs: times[times.length - 1], hoverDuringLintMs: hoverMs });
  }
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  setTimeout(() => proc.kill(), 200);
  console.log(JSON.stringify({ mode: 'latency', rows }));
}

/** `count` reports in `dir`: seeds and corpus as Word text, TAB rows and Markdown, each with a few random cells changed. */
function generateMode(dir: string, count: number) {
  mkdirSync(dir, { recursive: true });
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const variants: { ext: string; text: string }[] = [];
  for (const s of seeds) {
    variants.push({ ext: 'txt', text: s.text });
    variants.push({ ext: 'tsv.txt', text: renderSeed(s.text, 'tsv') });
    variants.push({ ext: 'md', text: renderSeed(s.text, 'markdown') });
  }
  for (const c of corpus) variants.push({ ext: 'txt', text: c.text });
  let bytesTotal = 0;
  for (let i = 0; i < count; i++) {
    const v = variants[i % variants.length];
    // Change one number in three of the reports, so some have errors to report.
    let text = v.text;
    if (rand() < 0.33) {
      const nums = [...text.matchAll(/(?<=[\t|] ?)\d+(?= ?(?:\||$))/gm)];
      if (nums.length) {
        const m = nums[Math.floor(rand() * nums.length)];
        text = text.slice(0, m.index) + String(Number(m[0]) + 1 + Math.floor(rand() * 5)) + text.slice(m.index! + m[0].length);
      }
    }
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `report-${String(i).padStart(5, '0')}.${v.ext}`), text);
    bytesTotal += bytes(text);
  }
  console.log(JSON.stringify({ mode: 'generate', count, mb: bytesTotal / 1e6 }));
}

/**
 * `lint` of every other report in `dir` (a worker's share under `--jobs 2`) in
 * this one thread, twice: the first pass compiles the checker as it goes, as
 * each CLI worker does; the second runs warm. Per report, wall and CPU (all of
 * the process's threads: V8 compiles and collects on its own).
 */
function warmupMode(dir: string) {
  const files = readdirSync(dir)
    .sort()
    .flatMap((sub) => readdirSync(join(dir, sub)).sort().map((f) => join(dir, sub, f)))
    .filter((_, i) => i % 2 === 0)
    .map((f) => readFileSync(f, 'utf8'));
  const pass = () => {
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (const text of files) lint(text);
    const used = process.cpuUsage(cpu);
    return { ms: (performance.now() - t) / files.length, cpuMs: (used.user + used.system) / 1000 / files.length };
  };
  const cold = pass();
  const warm = pass();
  console.log(JSON.stringify({ mode: 'warmup', reports: files.length, cold, warm }));
}

const mode = process.argv[2];
if (mode === 'markdown') markdownMode();
else if (mode === 'word') wordMode();
else if (mode === 'latency') void latencyMode();
else if (mode === 'generate') generateMode(process.argv[3], Number(process.argv[4]));
else if (mode === 'warmup') warmupMode(process.argv[3]);
else if (mode === 'profile-word') {
  // One report at a time, as the CLI and the editor see them.
  const docs = [...seeds, ...corpus].map((d) => d.text);
  const end = performance.now() + 4000;
  while (performance.now() < end) for (const d of docs) lint(d);
} else if (mode === 'profile-markdown') {
  const docs = seeds.map((s) => renderSeed(s.text, 'markdown'));
  const end = performance.now() + 4000;
  while (performance.now() < end) for (const d of docs) lint(d);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
