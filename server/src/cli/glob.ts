// Globs the shell did not expand (quoted patterns), matched segment by segment
// with picomatch: `*`, `?`, `[1-3]`, `{md,txt}` within one path segment, and
// `**` for any number of folders (handled by the walker in files.ts).
import picomatch from 'picomatch';

export function hasGlob(s: string): boolean {
  return /[*?[{]/.test(s);
}

/** Splits a pattern into the folder to start from and the segments to match. */
export function splitGlob(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const first = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, first);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, segments: parts.slice(first).filter((s, i, a) => s !== '' || i === a.length - 1) };
}

const cache = new Map<string, (name: string) => boolean>();

/** Whether one path segment matches one glob segment. Leading dots need an explicit dot. */
export function matchSegment(glob: string, name: string): boolean {
  let test = cache.get(glob);
  if (!test) {
    test = picomatch(glob, { dot: false });
    cache.set(glob, test);
  }
  return test(name);
}
