// Output formats stream: a header, one chunk per file in path order, a footer.
// So 10,000 files never have to be held in memory at once.
import type { FindingKey } from '../../baseline/baseline';
import type { Diagnostic, Lang, ProfileId } from '../../core/types';
import type { Excerpt } from '../excerpt';

export interface CheckedFile {
  path: string;
  profile: ProfileId;
  diagnostics: Diagnostic[];
  /** --fix-dry-run: the fixed text, when a fix changed it. */
  output?: string;
  /** For the review page: agency and year, and per diagnostic the lines around it. */
  meta?: { agency?: string; year?: number };
  excerpts?: Excerpt[];
  keys?: FindingKey[];
}

export interface RunInfo {
  lang: Lang;
  /** Rule failures and other notices met during the run. */
  notices: string[];
  /** Whether some input could not be checked (exit 2). */
  failed: boolean;
}

export interface Formatter {
  header(): string;
  file(f: CheckedFile): string;
  /** A file that could not be read or checked, in path order with the others. */
  failed(path: string, error: string): string;
  footer(info: RunInfo): string;
}
