// What `narrative-mismatch` reads beyond single figures: a share written in
// brackets after a figure (`208 件（17.46%）`), a figure for two results at once
// (`予以公开及部分公开 208 件`), and statements that every request was completed
// (`均已办结`, `全部按时答复`, `办结率100%`).

export interface StatedPercent {
  value: number;
  decimals: number;
  /** Offsets of the number in the text searched. */
  start: number;
  end: number;
}

const BRACKETED = /^\s*(?:件|宗|起)\s*[（(]\s*(?:占比?\s*)?(\d+(?:\.(\d+))?)\s*[%％]/;

/** The share in brackets right after a figure (`text` starts at the figure's end). */
export function bracketedPercent(text: string, offset: number): StatedPercent | undefined {
  const m = BRACKETED.exec(text);
  if (!m) return undefined;
  const start = offset + m[0].lastIndexOf(m[1]);
  return { value: Number(m[1]), decimals: m[2]?.length ?? 0, start, end: start + m[1].length };
}

/** Whether `count` over one of the denominators gives `percent`, to the precision written. */
export function percentAgrees(count: number, p: Pick<StatedPercent, 'value' | 'decimals'>, denominators: number[]): boolean {
  const tolerance = 0.5 * 10 ** -p.decimals + 1e-9;
  return denominators.some((d) => Math.abs((count / d) * 100 - p.value) <= tolerance);
}

/** `予以公开及部分公开 208 件`: the figure counts both results (`before` ends where the number starts). */
export function grantedAndPartly(before: string): boolean {
  return /(?:予以公开|全部公开)\s*(?:及|和|与|、|或|以及)\s*部分公开[^，,。；;：:\d]{0,8}$/.test(before);
}

/** `收到群众诉求348件`, `办理建议提案12件`: counts of other matters than information requests. */
export function otherMatter(before: string): boolean {
  const near = before.slice(-16);
  return /诉求|来电|热线|咨询|留言|建议|提案|信件|工单|来信|投诉/.test(near) && !/申请/.test(near);
}

export interface CompletionClaim {
  text: string;
  start: number;
  end: number;
}

const COMPLETE = /(?:均|全部|都)(?:已|已经)?(?:按时|按期|依法)?(?:办结|办理完毕|答复完毕)|已全部(?:按时)?办结|全部(?:按时|按期)?(?:予以)?答复|均已(?:按时)?答复|办结率(?:为|达到?)?\s*100\s*[%％]/g;
/** The sentence is about the requests of the year: 申请, not 诉求 or 建议. */
const ABOUT_REQUESTS = /申请/;
/** A count of requests handled in the sentence: the claim is then about those, not about all. */
const HANDLED_COUNT = /(?:办结|答复|办理)[^，,。；;]{0,12}?\d+\s*件/;

/** Statements that every request of the year was completed, in one sentence. */
export function findCompletionClaims(sentence: string, offset: number): CompletionClaim[] {
  if (!ABOUT_REQUESTS.test(sentence) || HANDLED_COUNT.test(sentence)) return [];
  return [...sentence.matchAll(COMPLETE)].map((m) => ({ text: m[0], start: offset + m.index!, end: offset + m.index! + m[0].length }));
}
