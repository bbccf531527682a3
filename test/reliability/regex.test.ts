// Catastrophic backtracking: every regular expression in server/src (see
// regexes.ts) against pumped inputs — a run of one character (or two
// alternating) that the pattern can consume, ended by a character that makes the
// match fail. A linear pattern takes about 10× as long on a 10× longer pump; a
// polynomial or exponential one far more. Budgets are generous (ratio and an
// absolute floor) so that a busy machine does not make them flaky.
import { describe, expect, it } from 'vitest';
import { findRegexes, type FoundRegex } from './regexes';

const found = findRegexes();

/**
 * Patterns known to be superlinear on pumped input, with the owner file and why
 * it does (or does not) matter in practice. Each is kept as `it.fails` so the
 * suite stays green and flips to a failure (unexpected pass) once fixed.
 */
const KNOWN: { file: string; source: string; reason: string }[] = [];
/** Known by file and pattern (not line), so edits elsewhere in the file do not unhook it. */
const knownFor = (r: FoundRegex) => KNOWN.find((k) => r.where.startsWith(`${k.file}:`) && r.source === k.source)?.reason;

const BASE_PUMPS = [' ', '\u3000', '\t', 'a', '1', '１', '一', '年', ',', '，', '*', '#', '|', '-', '—', '(', '（', '/', '.', '\\', '<', '&', 'x '];

function pumpsFor(r: FoundRegex): string[] {
  const lits = new Set<string>();
  for (const ch of r.source.replace(/\\[dswDSWbB]/g, '')) if (/[\u3000-\u9fff\uff00-\uffef]/.test(ch)) lits.add(ch);
  const pumps = new Set([...BASE_PUMPS, ...[...lits].slice(0, 12)]);
  // Two-character pumps for patterns with nested or adjacent quantifiers.
  for (const a of [' ', 'a', '1', ',']) for (const b of [' ', 'a', '1', ',', '-']) if (a !== b) pumps.add(a + b);
  return [...pumps];
}

/** A prefix that gets an anchored pattern to its quantified part: its leading literal characters. */
function prefixesFor(r: FoundRegex): string[] {
  const lead = /^\^?((?:[^\\^$.|?*+()[\]{}]|\\[^dswDSWbB\d])*)/.exec(r.source)?.[1]?.replace(/\\(.)/g, '$1') ?? '';
  const out = [''];
  if (lead) out.push(lead);
  if (r.source.includes('xxgk-')) out.push('xxgk-disable ', '// xxgk-disable-next-line ');
  if (r.source.includes('bookmark')) out.push('[bookmark:');
  if (r.source.includes('统计')) out.push('统计期限');
  return out;
}

function timeRun(re: RegExp, s: string): number {
  const t = performance.now();
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    let guard = 0;
    while (re.exec(s) && guard++ < s.length + 2) if (re.lastIndex === 0) break;
  } else re.exec(s);
  return performance.now() - t;
}

const SMALL = 1_000;
const BIG = 10_000;

/** The worst pumped input of a pattern: time on the big pump, and its ratio to the small one. */
function worst(r: FoundRegex): { ms: number; ratio: number; input: string } {
  const re = new RegExp(r.source, r.flags);
  let w = { ms: 0, ratio: 0, input: '' };
  for (const prefix of prefixesFor(r)) {
    for (const pump of pumpsFor(r)) {
      for (const end of ['\u0000', '!']) {
        const small = prefix + pump.repeat(SMALL / pump.length) + end;
        const big = prefix + pump.repeat(BIG / pump.length) + end;
        timeRun(re, small);
        const a = Math.min(timeRun(re, small), timeRun(re, small));
        const b = timeRun(re, big);
        if (b < 5) continue; // well under any concern
        const b2 = Math.min(b, timeRun(re, big));
        const ratio = b2 / Math.max(a, 0.05);
        if (b2 > w.ms) w = { ms: b2, ratio, input: `${JSON.stringify(prefix)} + ${JSON.stringify(pump)}×${BIG / pump.length} + ${JSON.stringify(end)}` };
        if (!linear(w)) return w;
      }
    }
  }
  return w;
}

/** Linear enough: 10,000 pumped characters in under 20 ms, or growing no faster than ~2× linear. */
const linear = (w: { ms: number; ratio: number }) => w.ms < 20 || w.ratio < 25;

describe('regular expressions in server/src against pumped inputs', () => {
  it('finds them (literals, new RegExp, template match patterns)', () => {
    expect(found.length).toBeGreaterThan(100);
  });
  for (const r of found) {
    const name = `${r.where} /${r.source.length > 60 ? r.source.slice(0, 60) + '…' : r.source}/${r.flags}`;
    const known = knownFor(r);
    (known ? it.fails : it)(known ? `${name} — KNOWN: ${known}` : name, () => {
      const w = worst(r);
      expect(linear(w), `superlinear: ${w.ms.toFixed(1)} ms on ${w.input} (×${w.ratio.toFixed(0)} for 10× the input)`).toBe(true);
    });
  }
});
