// A summary report built from real units' reports: seed 003's text with
// every count cell of 表二, 表三 and 表四 set to the sum over the units.
import { applyEdits } from '../../server/src/core/edits';
import { parseReport } from '../../server/src/core/parse';
import type { Report, TextEdit } from '../../server/src/core/types';
import { readSeed } from './fixtures';

export function summaryOf(units: Report[]): string {
  const text = readSeed('003');
  const parent = parseReport(text);
  const edits: TextEdit[] = [];
  for (const key of ['proactive', 'requests', 'review']) {
    for (const row of parent.tables[key].rows) {
      for (const [column, cell] of Object.entries(row.cells)) {
        if (key === 'proactive' && column === 'amount') continue; // 收费金额: money, not a count
        const sum = units.reduce((s, u) => s + (u.tables[key].rows.find((r) => r.key === row.key)!.cells[column].value ?? 0), 0);
        edits.push({ range: cell.range, newText: String(sum) });
      }
    }
  }
  return applyEdits(text, edits);
}
