// A rule fixture: a small report whose expected findings are written inline,
// as marker lines that the runner removes before linting (so the report is
// read exactly as it would be without them). Each marker speaks of the next
// report line:
//   <!-- expect: row-total, column-total -->   that line carries these findings (one id per finding)
//   <!-- fixed: | 总计 | 24 | -->               after fix-all, that line reads so
// and three speak of the whole fixture:
//   <!-- previous: 2022.md -->                 last year's report is that fixture
//   <!-- units: unit-a.md, unit-b.md -->       a summary report over those fixtures (hierarchy-sum)
//   <!-- repeat: 500 -->                       the report is this text that many times over
// In plain-text fixtures the same markers start with `// ` instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuleFixture {
  file: string;
  /** The report as linted: the fixture without its marker lines (repeated when it says so). */
  text: string;
  /** `line rule` for every expected finding; lines are the fixture file's, 1-based. */
  expected: string[];
  /** The report after fix-all: `text` with the lines the `fixed` markers give. */
  fixed: string;
  /** The fixture file's line (1-based) of each report line. */
  fileLine: number[];
  previous?: string;
  units: string[];
}

const KINDS = 'expect|fixed|previous|units|repeat';
const HTML_MARKER = new RegExp(`^<!-- (${KINDS}):(.*) -->$`);
const TEXT_MARKER = new RegExp(`^// (${KINDS}):(.*)$`);

function marker(line: string): { kind: string; value: string } | undefined {
  const m = HTML_MARKER.exec(line) ?? TEXT_MARKER.exec(line);
  // One space after the colon is the marker's; the rest (a Word-text tab) belongs to the value.
  return m ? { kind: m[1], value: m[2].startsWith(' ') ? m[2].slice(1) : m[2] } : undefined;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function readRuleFixture(dir: string, file: string): RuleFixture {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const report: string[] = [];
  const fixedLines: string[] = [];
  const fileLine: number[] = [];
  const expected: string[] = [];
  const units: string[] = [];
  let previous: string | undefined;
  let repeat = 1;
  let expectNext: string[] = [];
  let fixedNext: string | undefined;
  lines.forEach((line, i) => {
    const m = marker(line);
    if (!m) {
      for (const rule of expectNext) expected.push(`${i + 1} ${rule}`);
      report.push(line);
      fixedLines.push(fixedNext ?? line);
      fileLine.push(i + 1);
      expectNext = [];
      fixedNext = undefined;
    } else if (m.kind === 'expect') expectNext.push(...list(m.value));
    else if (m.kind === 'fixed') fixedNext = m.value;
    else if (m.kind === 'previous') previous = m.value.trim();
    else if (m.kind === 'units') units.push(...list(m.value));
    else repeat = Number(m.value);
  });
  if (expectNext.length || fixedNext !== undefined) throw new Error(`${file}: a marker on the last line speaks of no line`);
  return { file, text: report.join('\n').repeat(repeat), expected, fixed: fixedLines.join('\n').repeat(repeat), fileLine, previous, units };
}
