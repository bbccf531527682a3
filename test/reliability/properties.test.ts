// Property tests of the core: for arbitrary text and for mutated real reports,
// lint never throws, terminates, and every range lies inside the document;
// fix-all is idempotent, edits only inside the diagnostics it fixes, and
// leaves no sum broken that it claimed to fix. Fixed seed here; `npm run fuzz`
// runs the same properties longer with a random seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits';
import { fixAll, fixAllEdits } from '../../server/src/engine/fix';
import { lint } from '../../server/src/engine/lint';
import type { LintOptions, TextEdit } from '../../server/src/core/types';
import { renderSeed, RENDERINGS } from '../support/render-seed';
import { badRanges, corpusSamples, editedSpans, editsOutside, junk, lspLines, mutate, mutation, params, seedSamples, type Sample } from './support';

const seeds = seedSamples();
const bases: Sample[] = [
  ...seeds,
  ...corpusSamples(),
  ...seeds.flatMap((s) => RENDERINGS.map((r) => ({ name: `${s.name}/${r}`, text: renderSeed(s.text, r) }))),
];

const options: fc.Arbitrary<LintOptions> = fc.record(
  {
    profile: fc.constantFrom('auto' as const, '2019' as const, '2021' as const),
    lang: fc.constantFrom('zh' as const, 'en' as const),
    previous: fc.constantFrom(...seeds).map((s) => ({ uri: `file:///${s.name}`, text: s.text })),
  },
  { requiredKeys: [] },
);

/** Lint with a rule error turned into a thrown error that names the rule. */
function lintStrict(text: string, o: LintOptions = {}) {
  return lint(text, { ...o, onRuleError: (rule, e) => { throw new Error(`rule ${rule} threw: ${(e as Error)?.stack ?? e}`); } });
}

function checkText(text: string, o: LintOptions = {}): void {
  const r = lintStrict(text, o);
  expect(badRanges(text, r.diagnostics)).toEqual([]);
  expect(editsOutside(r.diagnostics)).toEqual([]);
}

/** Everything fix-all promises, on one text. */
function checkFixAll(text: string): void {
  const first = lintStrict(text);
  // One pass: its edits are the preferred fixes of diagnostics, inside the document, non-overlapping.
  const edits = fixAllEdits(first);
  const lines = lspLines(text);
  for (const e of edits) expect(e.range.start.line < lines.length && e.range.end.line < lines.length).toBe(true);
  const spans = editedSpans(text, edits);
  for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  // applyEdits changes nothing outside the edited spans.
  const once = applyEdits(text, edits);
  expect(once).toBe(independentApply(text, edits));

  const result = fixAll(text);
  expect(result.changed).toBe(result.text !== text);
  // The edits it returns reproduce its text.
  expect(applyEdits(text, result.edits)).toBe(result.text);
  // Idempotent: a second run changes nothing.
  const again = fixAll(result.text);
  expect(again.changed, 'fix-all is not idempotent').toBe(false);
  // No sum it claimed to fix (a preferred fix on a row/column total) is broken afterwards.
  const claimed = first.diagnostics.filter(
    (d) => (d.rule === 'row-total' || d.rule === 'column-total') && d.fixes.some((f) => f.isPreferred && !f.suggestionOnly),
  );
  if (claimed.length && result.changed) {
    const after = lintStrict(result.text).diagnostics.filter((d) => d.rule === 'row-total' || d.rule === 'column-total');
    const still = claimed.filter((c) => after.some((a) => a.rule === c.rule && a.data?.cell === c.data?.cell));
    expect(still.map((d) => `${d.rule} ${String(d.data?.cell)}: ${d.message}`), 'sums fix-all claimed to fix are still broken').toEqual([]);
  }
}

function independentApply(text: string, edits: TextEdit[]): string {
  const spans = editedSpans(text, edits).map((s, i) => ({ s, e: edits[i] }));
  // editedSpans sorts; pair each span with its edit again by sorting the edits the same way.
  const sorted = [...edits].sort((a, b) => spanStart(text, a) - spanStart(text, b));
  let out = '';
  let at = 0;
  sorted.forEach((e, i) => {
    const [a, b] = spans[i].s;
    out += text.slice(at, a) + e.newText;
    at = b;
  });
  return out + text.slice(at);
}
const spanStart = (text: string, e: TextEdit) => editedSpans(text, [e])[0][0];

describe('the core on arbitrary text', () => {
  it('never throws and keeps every range inside the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(junk, { maxLength: 60 }).map((a) => a.join(''))), options, (text, o) => {
        checkText(text, o);
      }),
      params(300),
    );
  });

  it('never throws on report-like line soup (headings, labels, numbers, pipes, tabs)', () => {
    const piece = fc.constantFrom(
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '## 三、收到和处理政府信息公开申请情况', '（一）予以公开', '（二）部分公开',
      '三、本年度办理结果', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理', '总计', '自然人',
      '\t0', '\t12', '\t', '| 总计 | 1 | 2 |', '| --- | --- | --- |', '|', '> 引用', '2023年政府信息公开工作年度报告', '本年收费金额', '行政复议',
      '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉', '（六）其他处理', '3.其他', '2024年1月31日',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, junk), { maxLength: 80 }), fc.constantFrom('\n', '\r\n', '\r'), (ls, eol) => {
        const text = ls.join(eol);
        checkText(text);
        checkFixAll(text);
      }),
      params(120),
    );
  });
});

describe('the core on mutated real reports (Word text, TAB rows, Markdown)', () => {
  it('the unmutated samples pass every check', () => {
    for (const b of bases) {
      checkText(b.text);
      checkFixAll(b.text);
    }
  });

  it('never throws, keeps ranges inside, fix-all is safe and idempotent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }), (base, ms) => {
        const text = mutate(base.text, ms);
        checkText(text);
        checkFixAll(text);
      }),
      params(70),
    );
  });
});
