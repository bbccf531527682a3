// `npm run bench [-- --quick] [-- --reports N] [-- --batch N]`: every measurement side by side
// in one run, printed as a table plus one machine-readable JSON line (prefixed
// `BENCH_JSON `), and written with the machine description into
// bench/RESULTS.md. Targets that are missed get a CPU profile summary
// (node --cpu-prof) in RESULTS.md. Never part of `npm test`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { summarise } from './profile-summary.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', '.out');
const quick = process.argv.includes('--quick');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const REPORTS = Number(arg('reports', quick ? 1000 : 10000));
const write = !process.argv.includes('--no-write');

const log = (s) => process.stderr.write(`${s}\n`);

// 1. Build: the CLI and the server (dist/), and the measurement bundle.
log('bench: building dist/ and bench/.out/bench.cjs');
execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
await build({
  entryPoints: [join(ROOT, 'bench', 'bench.ts')],
  outfile: join(OUT, 'bench.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // markdownlint is ESM-only: loaded by Node from node_modules at run time.
  external: ['markdownlint', 'markdownlint/*'],
  logLevel: 'warning',
});
// markdownlint/sync is ESM: give the CJS bundle a way to load it synchronously-enough (top-level import in a wrapper).
writeFileSync(
  join(OUT, 'bench.mjs'),
  `import { createRequire } from 'node:module';\nimport * as sync from 'markdownlint/sync';\nconst require = createRequire(import.meta.url);\nconst Module = require('node:module');\nconst load = Module._load;\nModule._load = function (request, ...rest) { return request === 'markdownlint/sync' ? sync : load.call(this, request, ...rest); };\nrequire('./bench.cjs');\n`,
);

function runMode(mode, extra = [], nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(OUT, 'bench.mjs'), mode, ...extra, ...(quick ? ['--quick'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, XXGK_ROOT: ROOT },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench ${mode} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  return line ? JSON.parse(line) : undefined;
}

function profile(mode) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-prof-'));
  try {
    runMode(mode, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    return summarise(join(dir, file), 40);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 2. Core measurements.
log('bench: Markdown samples (lint vs remark vs markdownlint)');
const md = runMode('markdown');
log('bench: Word text (lint vs line split)');
const word = runMode('word');
log('bench: editor latency through dist/server.js');
const latency = runMode('latency');

// 3. Batch: the CLI over generated reports, whole process, JSON to a file, next to
// the floor (bench/floor.mjs: read and split the same files). Two sizes: the
// ratio on BATCH reports, and peak memory on REPORTS (flat when results stream).
const jobs = Math.min(2, cpus().length);
const hook = join(OUT, 'maxrss.cjs');
// Peak RSS and CPU time of the whole process (all its threads), written as it exits.
writeFileSync(hook, `process.on('exit', () => { try { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.XXGK_MAXRSS_FILE, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); } catch {} });\n`);

/** Runs `node args` as its own process; wall time in s and peak RSS in MB. */
async function timed(args) {
  const rssFile = join(tmpdir(), `xxgk-bench-${process.pid}-${Date.now()}.maxrss`);
  const t = performance.now();
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: `--require ${hook}`, XXGK_MAXRSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => resolve({ code, out, err }));
  });
  const seconds = (performance.now() - t) / 1000;
  let peakMB = NaN;
  let cpuSeconds = NaN;
  try {
    const u = JSON.parse(readFileSync(rssFile, 'utf8'));
    peakMB = u.maxRSS / 1024;
    cpuSeconds = u.cpu;
    rmSync(rssFile);
  } catch {
    // /usr/bin/time missing: memory and CPU stay unknown (NaN).
  }
  return { ...r, seconds, peakMB, cpuSeconds };
}

async function batchRun(count, withFloor) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-batch-'));
  try {
    log(`bench: generating ${count} reports in ${dir}`);
    const gen = runMode('generate', [dir, String(count)]);
    let floor;
    if (withFloor) {
      log(`bench: floor (read and split) over ${count} reports`);
      // Best of three: the floor is short, so one slow start would skew the ratio.
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await timed([join(ROOT, 'bench', 'floor.mjs'), dir]));
      floor = runs.sort((a, b) => a.seconds - b.seconds)[0];
    }
    log(`bench: xxgk-lint --jobs ${jobs} --format json -o <file> over ${count} reports`);
    const outFile = join(dir, '..', `${dir.split('/').pop()}.json`);
    // Next to its floor, the median of three runs: one run moves by ±10 % on this shared machine.
    const runs = [];
    for (let i = 0; i < (withFloor ? 3 : 1); i++) runs.push(await timed([join(ROOT, 'bin', 'xxgk-lint.js'), '--jobs', String(jobs), '--format', 'json', '-o', outFile, dir]));
    const r = runs.sort((a, b) => a.seconds - b.seconds)[runs.length >> 1];
    rmSync(outFile, { force: true });
    if (r.code !== 0 && r.code !== 1) throw new Error(`CLI batch failed (${r.code}): ${r.err.slice(0, 500)}`);
    // What one worker's share costs cold and warm, with the CLI's V8 flag (cli/main.ts).
    let thread;
    if (withFloor) {
      log(`bench: one thread's share of the ${count} reports, cold then warm`);
      thread = runMode('warmup', [dir], ['--no-turbo-inlining']);
    }
    return {
      reports: count,
      mb: gen.mb,
      jobs,
      seconds: r.seconds,
      reportsPerSecond: count / r.seconds,
      peakMB: r.peakMB,
      exit: r.code,
      cpuSeconds: r.cpuSeconds,
      // CPU time moves less than wall time when other jobs share the cores.
      ...(floor ? { floorSeconds: floor.seconds, ratio: r.seconds / floor.seconds, floorCpuSeconds: floor.cpuSeconds, cpuRatio: r.cpuSeconds / floor.cpuSeconds } : {}),
      ...(thread ? { thread } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BATCH = Number(arg('batch', 2000));
const batch = await batchRun(BATCH, true);
const big = REPORTS > BATCH ? await batchRun(REPORTS, false) : undefined;

// 4. Targets, the table, the JSON line.
const lat = Object.fromEntries(latency.rows.map((r) => [r.size, r]));
const targets = [
  { name: 'Markdown: lint / bare remark parse', value: md.vsRemark, target: '≤ 1.2×', ok: md.vsRemark <= 1.2, fmt: (v) => `${v.toFixed(2)}×`, profile: 'profile-markdown' },
  { name: 'Markdown: lint / markdownlint defaults', value: md.vsMarkdownlint, target: '< 1×', ok: md.vsMarkdownlint < 1, fmt: (v) => `${v.toFixed(2)}×`, profile: 'profile-markdown' },
  { name: 'Word text: lint MB/s (seeds + corpus)', value: word.lintMBps, target: '≥ 20 MB/s', ok: word.lintMBps >= 20, fmt: (v) => `${v.toFixed(2)} MB/s (line split: ${word.splitMBps.toFixed(0)} MB/s)`, profile: 'profile-word' },
  { name: 'Editor: 10 KB didChange → diagnostics', value: lat['10 KB'].medianMs, target: '≤ 20 ms', ok: lat['10 KB'].medianMs <= 20, fmt: (v) => `${v.toFixed(1)} ms`, profile: 'profile-word' },
  { name: 'Editor: 100 KB didChange → diagnostics', value: lat['100 KB'].medianMs, target: '—', ok: true, fmt: (v) => `${v.toFixed(1)} ms` },
  { name: 'Editor: 1 MB didChange → diagnostics', value: lat['1 MB'].medianMs, target: '≤ 1000 ms', ok: lat['1 MB'].medianMs <= 1000, fmt: (v) => `${v.toFixed(0)} ms`, profile: 'profile-word' },
  { name: 'Editor: hover sent during a 1 MB lint', value: lat['1 MB'].hoverDuringLintMs, target: '≤ 20 ms', ok: lat['1 MB'].hoverDuringLintMs <= 20, fmt: (v) => `${v.toFixed(1)} ms` },
  { name: `Batch: ${BATCH} reports, --jobs ${jobs}, ÷ read-and-split floor`, value: batch.ratio, target: '≤ 5×', ok: batch.ratio <= 5, fmt: (v) => `${v.toFixed(1)}× (${batch.seconds.toFixed(2)} s vs ${batch.floorSeconds.toFixed(2)} s; CPU ${batch.cpuRatio.toFixed(1)}×; ${batch.reportsPerSecond.toFixed(0)} reports/s; peak ${batch.peakMB.toFixed(0)} MB)`, profile: 'profile-word' },
  {
    name: `Batch: one thread's ${batch.thread.reports} reports linted twice, cold → warm (warming up, next to the whole 5× budget)`,
    value: (batch.thread.cold.cpuMs - batch.thread.warm.cpuMs) * batch.thread.reports / 1000,
    target: '—',
    ok: true,
    fmt: (v) => `${batch.thread.cold.ms.toFixed(2)} → ${batch.thread.warm.ms.toFixed(2)} ms a report (CPU ${batch.thread.cold.cpuMs.toFixed(2)} → ${batch.thread.warm.cpuMs.toFixed(2)} ms); warm-up ≥ ${v.toFixed(2)} s CPU a thread; 5× budget ${(5 * batch.floorSeconds).toFixed(2)} s wall for the whole batch`,
  },
  ...(big ? [{ name: `Batch: ${big.reports} reports, --jobs ${jobs}`, value: big.peakMB, target: 'flat memory', ok: big.peakMB < batch.peakMB * 1.5, fmt: (v) => `peak ${v.toFixed(0)} MB; ${big.reportsPerSecond.toFixed(0)} reports/s, ${big.seconds.toFixed(1)} s` }] : []),
];

const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
  free: spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout?.trim(),
  load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  node: process.version,
  date: new Date().toISOString(),
  quick,
};

const table = [
  '| measurement | result | target | met |',
  '|---|---|---|---|',
  ...targets.map((t) => `| ${t.name} | ${t.fmt(t.value)} | ${t.target} | ${t.ok ? 'yes' : '**no**'} |`),
].join('\n');
const detail = [
  '| Markdown sample | KB | lint ms | remark ms | markdownlint ms | ÷ remark | ÷ markdownlint |',
  '|---|---|---|---|---|---|---|',
  ...md.rows.map((r) => `| ${r.sample} | ${r.kb} | ${r.lintMs.toFixed(2)} | ${r.remarkMs.toFixed(2)} | ${r.markdownlintMs.toFixed(2)} | ${r.vsRemark.toFixed(2)} | ${r.vsMarkdownlint.toFixed(2)} |`),
  '',
  '| Word-text sample | KB | lint ms | lint MB/s | line split MB/s |',
  '|---|---|---|---|---|',
  ...word.rows.map((r) => `| ${r.sample} | ${r.kb} | ${r.lintMs.toFixed(2)} | ${r.lintMBps.toFixed(2)} | ${r.splitMBps.toFixed(0)} |`),
  '',
  '| Editor (debounce 0) | KB | median ms | max ms | hover during lint ms |',
  '|---|---|---|---|---|',
  ...latency.rows.map((r) => `| ${r.size} | ${r.kb} | ${r.medianMs.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.hoverDuringLintMs.toFixed(1)} |`),
].join('\n');

const json = {
  machine: { nproc: machine.nproc, node: machine.node, memory: machine.memory, load: machine.load },
  markdown: { vsRemark: md.vsRemark, vsMarkdownlint: md.vsMarkdownlint },
  word: { lintMBps: word.lintMBps, splitMBps: word.splitMBps, bigMBps: word.bigMBps },
  latency: latency.rows,
  batch,
  ...(big ? { bigBatch: big } : {}),
  missed: targets.filter((t) => !t.ok).map((t) => t.name),
};

console.log(table);
console.log('');
console.log(detail);
console.log('');
console.log(`BENCH_JSON ${JSON.stringify(json)}`);

if (write) {
  const missed = targets.filter((t) => !t.ok);
  const profiles = new Map();
  for (const t of missed) if (t.profile && !profiles.has(t.profile)) {
    log(`bench: profiling ${t.profile}`);
    profiles.set(t.profile, profile(t.profile));
  }
  const md2 = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.mjs). Numbers from one run on the machine below; the',
    'machine is shared (other jobs were running: see the load average), so treat them as a floor.',
    '',
    '## Machine',
    '',
    '```',
    `nproc: ${machine.nproc}`,
    `cpu: ${machine.cpu}`,
    `node: ${machine.node}`,
    `load average: ${machine.load}`,
    `date: ${machine.date}${quick ? ' (--quick)' : ''}`,
    machine.free,
    '```',
    '',
    '## Summary',
    '',
    table,
    '',
    '## Detail',
    '',
    detail,
    '',
    '## Machine-readable',
    '',
    '```',
    `BENCH_JSON ${JSON.stringify(json)}`,
    '```',
    '',
    '## History',
    '',
    'Earlier batch measurements, newest first (kept by bench/run.mjs across runs).',
    '',
    ...history(),
    '',
    '## Missed targets and why',
    '',
    missed.length ? '' : 'None.',
    ...missed.flatMap((t) => {
      const p = t.profile && profiles.get(t.profile);
      return [
        `### ${t.name}: ${t.fmt(t.value)} (target ${t.target})`,
        '',
        ...(p ? [`CPU profile of \`${t.profile}\` (bench/bench.ts), ${p.totalMs.toFixed(0)} ms sampled; self time:`, '', '```', ...p.self.slice(0, 14), '```', '', 'Total (inclusive) time, checker code only:', '', '```', ...p.total.filter((l) => /server\/src|markdown-it|mdast|remark|unified/.test(l)).slice(0, 14), '```', ''] : ['(no profile: not a CPU-bound measurement)', '']),
      ];
    }),
    ...(readNotes()),
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md2);
  log('bench: wrote bench/RESULTS.md');
}

/** The batch rows of earlier runs, with this run's on top. */
function history() {
  const head = ['| date | commit | reports | CLI s | floor s | ratio | CPU ratio | reports/s | peak MB | load |', '|---|---|---|---|---|---|---|---|---|---|'];
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the commit column stays empty.
  }
  const row = `| ${machine.date.slice(0, 16).replace('T', ' ')}${quick ? ' (quick)' : ''} | ${commit} | ${batch.reports} | ${batch.seconds.toFixed(2)} | ${batch.floorSeconds.toFixed(2)} | ${batch.ratio.toFixed(1)}× | ${batch.cpuRatio.toFixed(1)}× | ${batch.reportsPerSecond.toFixed(0)} | ${batch.peakMB.toFixed(0)} | ${machine.load} |`;
  let old = [];
  try {
    const text = readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
    const at = text.indexOf('## History');
    if (at >= 0) old = text.slice(at).split('\n').filter((l) => /^\| \d{4}-/.test(l));
  } catch {
    // The first run: no history yet.
  }
  return [...head, row, ...old];
}

/** Hand-written analysis kept across runs: the part of RESULTS.md after the marker. */
function readNotes() {
  try {
    const old = readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
    const at = old.indexOf('<!-- notes -->');
    return at >= 0 ? ['', old.slice(at).trimEnd(), ''] : ['', '<!-- notes -->', ''];
  } catch {
    return ['', '<!-- notes -->', ''];
  }
}
