// Output formats stream: a header, one chunk per file in path order, a footer.
// So 10,000 files never have to be held in memory at once.
import type { Diagnostic, Lang, ProfileId } from '../../core/types';

export interface CheckedFile {
  path: string;
  profile: ProfileId;
  diagnostics: Diagnostic[];
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
  footer(info: RunInfo): string;
}
