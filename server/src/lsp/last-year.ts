// carried-over in the editor: last year's report of the same agency among the
// workspace's files (open documents first, then report files on disk). The
// folder walk is cached for a while so that typing never waits for the disk.
import { statSync } from 'node:fs';
import { isTextReportFile } from '../sources/extensions';
import { readReportText } from '../sources/read-text';
import { walkReportFiles } from '../sources/report-files';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeText, findPrevious, type Candidate } from '../core/cross-year';

const MAX_FILES = 5000;
const MAX_BYTES = 4_000_000;
const RESCAN_MS = 30_000;

interface OnDisk extends Candidate {
  mtimeMs: number;
}

export class LastYearReports {
  private roots: string[] = [];
  private scanned = 0;
  private files = new Map<string, OnDisk>();

  setRoots(uris: string[]): void {
    this.roots = uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    this.scanned = 0;
  }

  /**
   * Last year's report for the document `uri` with `text`, if one is at hand.
   * `known` gives an open document's agency and year when its analysis has
   * them already, so that a large document is not read again for them.
   */
  find(
    uri: string,
    text: string,
    open: { uri: string; getText(): string }[],
    known: (uri: string) => Candidate | undefined = () => undefined,
  ): { uri: string; text: string } | undefined {
    const me = known(uri) ?? describeText(uri, text);
    if (!me.agency || me.year === undefined) return undefined;
    const openCandidates = open.filter((d) => d.uri !== uri).map((d) => ({ ...(known(d.uri) ?? describeText(d.uri, d.getText())), doc: d }));
    const inMemory = findPrevious(me, openCandidates) as (Candidate & { doc?: { getText(): string } }) | undefined;
    if (inMemory?.doc) return { uri: inMemory.uri, text: inMemory.doc.getText() };
    const onDisk = findPrevious(me, [...this.scan().values()].filter((c) => c.uri !== uri));
    if (!onDisk) return undefined;
    try {
      return { uri: onDisk.uri, text: readReportText(fileURLToPath(onDisk.uri)) };
    } catch {
      return undefined;
    }
  }

  private scan(): Map<string, OnDisk> {
    if (Date.now() - this.scanned < RESCAN_MS) return this.files;
    const seen = new Map<string, OnDisk>();
    for (const root of this.roots) {
      walkReportFiles(root, isTextReportFile, (path) => {
        if (seen.size >= MAX_FILES) return false;
        seen.set(path, this.describeFile(path));
      });
    }
    this.files = seen;
    this.scanned = Date.now();
    return seen;
  }

  private describeFile(path: string): OnDisk {
    const uri = pathToFileURL(path).toString();
    try {
      const st = statSync(path);
      const cached = this.files.get(path);
      if (cached && cached.mtimeMs === st.mtimeMs) return cached;
      if (st.size > MAX_BYTES) return { uri, mtimeMs: st.mtimeMs };
      return { ...describeText(uri, readReportText(path)), mtimeMs: st.mtimeMs };
    } catch {
      return { uri, mtimeMs: 0 };
    }
  }
}
