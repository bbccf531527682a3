// Report files in a folder and every folder under it, the one walk behind the
// CLI's folders and globs and the editor's search of the workspace (last
// year's report, a hierarchy's units). `node_modules` and folders whose name
// starts with a dot are skipped; symlinks are not followed (they could lead
// outside the folder, and --fix must never write there).
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * Calls `visit` with each file under `dir` whose name `accept`s; `visit`
 * returning false ends the walk. A folder that cannot be read goes to
 * `unreadable` (by default it is passed over).
 */
export function walkReportFiles(
  dir: string,
  accept: (name: string) => boolean,
  visit: (path: string) => boolean | void,
  unreadable: (dir: string, error: unknown) => Dirent[] = () => [],
): void {
  const walk = (d: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      entries = unreadable(d, e);
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!skipFolder(e.name) && !walk(p)) return false;
      } else if (e.isFile() && accept(e.name) && visit(p) === false) return false;
    }
    return true;
  };
  walk(dir);
}
