// Acceptance: every number cell of tables 三 and 四 in every seed, in the
// Word-exported text and as TAB rows, gets 1 added: an error lands on the
// cell's line, and fix-all mends it (a 总计 comes back byte for byte). The
// Markdown rendering is walked in every-cell-markdown.test.ts (a separate file
// so the two run in parallel). The exceptions are explained in
// test/support/every-cell.ts where they are asserted.
import { seedFiles } from '../support/fixtures';
import { walkEveryCell } from '../support/every-cell';

for (const f of seedFiles()) {
  walkEveryCell(f.slice(0, 3), 'word');
  walkEveryCell(f.slice(0, 3), 'tsv');
}
