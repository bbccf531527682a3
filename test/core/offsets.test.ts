// The offset helpers the speed work added: views that map back by stretches,
// the split kept for the next caller, and the shingles found by hash. Each is
// held to exact offsets, so a slip of one character fails here.
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../server/src/core/offset-map';
import { lastAtOrBelow, positionAt, splitLines } from '../../server/src/core/text';
import { normalise, overlap } from '../../server/src/rules/text-overlap';
import { plainText } from '../../server/src/rules/plain-text';
import type { Report } from '../../server/src/core/types';

describe('OffsetMap', () => {
  it('maps each view character to its source offset, joining stretches that run on', () => {
    const map = new OffsetMap();
    map.add(10, 3); // view 0–2 → 10–12
    map.add(13, 2); // runs on: view 3–4 → 13–14
    map.add(40, 1); // a break: view 5 → 40
    map.add(7, 0); // nothing
    map.add(50, 2); // view 6–7 → 50–51
    expect(map.length).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => map.sourceAt(k))).toEqual([10, 11, 12, 13, 14, 40, 50, 51]);
  });

  it('lastAtOrBelow finds the stretch or line an offset is in', () => {
    expect([0, 4, 5, 9, 10, 99].map((x) => lastAtOrBelow([0, 5, 10], x))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(positionAt(splitLines('ab\ncd\n'), 4)).toEqual({ line: 1, character: 1 });
  });
});

describe('splitLines', () => {
  it('splits at CRLF, CR and LF alike and tells the line ending', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual({ lines: ['a', 'b', 'c', 'd'], starts: [0, 3, 5, 7], eol: '\r\n' });
    expect(splitLines('a\nb\nc\nd\r\ne')).toEqual({ lines: ['a', 'b', 'c', 'd', 'e'], starts: [0, 2, 4, 6, 9], eol: '\n' });
    expect(splitLines('a\r\nb\r\nc')).toEqual({ lines: ['a', 'b', 'c'], starts: [0, 3, 6], eol: '\r\n' });
    expect(splitLines('')).toEqual({ lines: [''], starts: [0], eol: '\n' });
  });

  it('gives the kept split only for the same text', () => {
    const a = splitLines('一、总体情况\n正文');
    expect(splitLines('一、总体情况\n正文')).toBe(a);
    expect(splitLines('一、总体情况\n正文。').lines).toEqual(['一、总体情况', '正文。']);
  });
});

describe('plain text', () => {
  it('leaves out tags and spaces and maps a phrase back to its place', () => {
    const text = '统计期限为</font>20</span>23 年\n1 月';
    const plain = plainText({ text } as Report);
    expect(plain.text).toBe('统计期限为2023年\n1月');
    const at = plain.text.indexOf('2023年');
    expect(plain.rangeOf(at, at + 5)).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 25 } });
  });
});

describe('copied-text shingles', () => {
  it('keeps letters and digits, leaves out the halves of a character beyond the BMP, and maps back', () => {
    const n = normalise('甲 乙，𠮷a1');
    expect(n.text).toBe('甲乙a1');
    expect([0, 1, 2, 3].map((k) => n.sourceAt(k))).toEqual([0, 2, 6, 7]);
  });

  it('covers exactly the characters inside a shared run of ten', () => {
    const shared = '政府信息公开工作年度报告';
    const o = overlap(`前言${shared}后记`, `另有${shared}`);
    expect(o.stretches).toEqual([[2, 14]]);
    expect(o.share).toBeCloseTo(12 / 16);
    expect(overlap('一二三四五六七八九十', '十九八七六五四三二一').share).toBe(0);
  });
});
