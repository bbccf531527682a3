// A small glob: `*` and `?` within one path segment, `**` for any number of
// folders. Enough for quoted patterns the shell did not expand; no dependency.

export function hasGlob(s: string): boolean {
  return /[*?]/.test(s);
}

/** Splits a pattern into the folder to start from and the segments to match. */
export function splitGlob(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const first = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, first);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, segments: parts.slice(first).filter((s, i, a) => s !== '' || i === a.length - 1) };
}

const cache = new Map<string, RegExp>();

/** Whether one path segment matches one glob segment. Leading dots need an explicit dot. */
export function matchSegment(glob: string, name: string): boolean {
  let re = cache.get(glob);
  if (!re) {
    let src = '';
    for (const ch of glob) {
      if (ch === '*') src += '[^/]*';
      else if (ch === '?') src += '[^/]';
      else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`, 'u');
    cache.set(glob, re);
  }
  if (name.startsWith('.') && !glob.startsWith('.')) return false;
  return re.test(name);
}
