// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the
// most self time, and the most total time, with their file and line.
//   node bench/profile-summary.mjs file.cpuprofile [top=15]
import { readFileSync } from 'node:fs';

// In an esbuild bundle, the source file a line belongs to is named by the
// \`// path/to/file.ts\` comment that opens its module.
const bundles = new Map();
function where(url, line) {
  const short = `${url.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}:${line + 1}`;
  if (!url.startsWith('file://') || !/\.[cm]?js$/.test(url)) return short;
  let marks = bundles.get(url);
  if (!marks) {
    marks = [];
    try {
      readFileSync(new URL(url), 'utf8').split('\n').forEach((l, i) => {
        const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(l);
        if (m) marks.push([i, m[1]]);
      });
    } catch {
      // No bundle to read: the short place is named.
    }
    bundles.set(url, marks);
  }
  let best;
  for (const [i, f] of marks) if (i <= line) best = [i, f];
  return best ? `${best[1].replace(/^(?:\.\.\/)*(?:work\/main\/)?/, '').replace(/^node_modules\//, '')} (+${line - best[0]})` : short;
}

export function summarise(file, top = 15) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = p.timeDeltas;
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (dt[i] ?? 0));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url, n.callFrame.lineNumber)}`;
  const selfBy = new Map();
  const totalBy = new Map();
  let all = 0;
  for (const [id, us] of self) {
    all += us;
    const n = byId.get(id);
    selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + us);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const k = key(byId.get(x));
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const fmt = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  return { totalMs: all / 1000, self: fmt(selfBy), total: fmt(totalBy) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarise(process.argv[2], Number(process.argv[3] ?? 15));
  console.log(`total ${s.totalMs.toFixed(0)} ms\n-- self --\n${s.self.join('\n')}\n-- total --\n${s.total.join('\n')}`);
}
