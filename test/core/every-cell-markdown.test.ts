// Acceptance, Markdown shape: see every-cell.test.ts.
import { seedFiles } from '../support/fixtures';
import { walkEveryCell } from '../support/every-cell';

for (const f of seedFiles()) walkEveryCell(f.slice(0, 3), 'markdown');
