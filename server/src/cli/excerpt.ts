// The source lines around a finding, for the review page: a few lines before
// and after, and the finding's own line cut into before / the text it points
// at / after. Long lines (a PDF copied as one line) are cropped around it.
import type { Range } from '../core/types';

export interface Excerpt {
  /** 0-based number of the first line in `before`. */
  first: number;
  before: string[];
  /** The finding's line: the text before it, the text it points at, the text after. */
  line: [string, string, string];
  after: string[];
}

const AROUND = 3;
const WIDTH = 160;
const SIDE = 80;

export function excerptOf(lines: readonly string[], r: Range): Excerpt {
  const first = Math.max(0, r.start.line - AROUND);
  const start = lines[r.start.line] ?? '';
  const end = lines[r.end.line] ?? '';
  const hit = r.start.line === r.end.line ? start.slice(r.start.character, r.end.character) : [start.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), end.slice(0, r.end.character)].join('\n');
  const pre = start.slice(0, r.start.character);
  const post = end.slice(r.end.character);
  return {
    first,
    before: lines.slice(first, r.start.line).map(crop),
    line: [pre.length > SIDE ? `…${pre.slice(-SIDE)}` : pre, hit.length > 2 * WIDTH ? `${hit.slice(0, WIDTH)}…${hit.slice(-SIDE)}` : hit, post.length > SIDE ? `${post.slice(0, SIDE)}…` : post],
    after: lines.slice(r.end.line + 1, r.end.line + 1 + AROUND - 1).map(crop),
  };
}

function crop(s: string): string {
  return s.length > WIDTH ? `${s.slice(0, WIDTH)}…` : s;
}
