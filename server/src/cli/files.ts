// Turns the command line's files, folders and globs into a sorted list of
// report files. Folders recurse, skipping node_modules and dot-folders.
// Symlinks met in a folder or by a glob are not followed: they could lead
// outside it, and --fix must never write there. A symlink named on the
// command line is the user's choice and is followed.
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, normalize } from 'node:path';
import { isReportFile } from '../sources/extensions';
import { skipFolder, walkReportFiles } from '../sources/report-files';
import { hasGlob, matchSegment, splitGlob } from './glob';

export class InputError extends Error {}

export interface InputFile {
  /** As shown in output: the path as given, joined with what was found under it, with `/`. */
  path: string;
  /** Named on the command line (checked whatever it holds), not found in a folder or by a glob. */
  explicit: boolean;
}

/** A folder a glob names by its own pattern is searched even if its name starts with a dot; node_modules never is. */
const SKIP_DIRS = new Set(['node_modules']);

export function expandInputs(inputs: string[]): InputFile[] {
  const found = new Map<string, InputFile>();
  const add = (p: string, explicit = false) => {
    const shown = toSlash(normalize(p));
    const had = found.get(shown);
    if (!had) found.set(shown, { path: shown, explicit });
    else if (explicit) had.explicit = true;
  };
  for (const input of inputs) {
    const st = statOrNull(input);
    if (st?.isFile()) add(input, true);
    else if (st?.isDirectory()) walk(input, add);
    else if (hasGlob(input)) {
      let matched = 0;
      glob(input, (p) => {
        matched++;
        add(p);
      });
      if (matched === 0) throw new InputError(`${input}: no report files match this pattern`);
    } else if (st) throw new InputError(`${input}: not a file or folder`);
    else throw new InputError(`${input}: no such file or folder`);
  }
  if (found.size === 0) throw new InputError(`no report files (${inputs.join(' ')})`);
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(dir: string, add: (p: string) => void): void {
  walkReportFiles(dir, isReportFile, add, (d, e) => cannotRead(d, e));
}

function glob(pattern: string, add: (p: string) => void): void {
  const { base, segments } = splitGlob(pattern);
  if (!statOrNull(base)?.isDirectory()) return;
  const visit = (dir: string, i: number) => {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (seg === '**') {
      // `**` matches zero folders (try the next segment here) or one more (descend).
      if (last) return walk(dir, add);
      visit(dir, i + 1);
      for (const e of entries(dir)) if (e.isDirectory() && !skipFolder(e.name)) visit(join(dir, e.name), i);
      return;
    }
    if (!hasGlob(seg)) {
      const p = join(dir, seg);
      const st = statOrNull(p);
      if (last) {
        if (st?.isDirectory()) walk(p, add);
        else if (st?.isFile() && isReportFile(seg) && !lstatSync(p).isSymbolicLink()) add(p);
      } else if (st?.isDirectory()) visit(p, i + 1);
      return;
    }
    for (const e of entries(dir)) {
      if (!matchSegment(seg, e.name)) continue;
      const p = join(dir, e.name);
      if (last) {
        // A folder matched by the pattern is searched, as if the shell had expanded it.
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(p, add);
        } else if (isReportFile(e.name) && e.isFile()) add(p);
      } else if (e.isDirectory() && !SKIP_DIRS.has(e.name)) visit(p, i + 1);
    }
  };
  visit(base, 0);
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    cannotRead(dir, e);
  }
}

function cannotRead(dir: string, e: unknown): never {
  throw new InputError(`${dir}: cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}


function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}
