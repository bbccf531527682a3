// A Word part's XML as a tree of elements that remember where they stand in
// the source string, so that a change can replace exactly the characters it
// means and leave every other byte as Word (or WPS) wrote it.
import { Parser } from 'htmlparser2';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Index of the `<` of the start tag. */
  start: number;
  /** Index just after the start tag's `>`. */
  openEnd: number;
  /** Index of the end tag's `<` (equals `openEnd` for `<x/>`). */
  closeStart: number;
  /** Index just after the element. */
  end: number;
  selfClosing: boolean;
  /** The decoded text directly inside (what a `w:t` holds). */
  text: string;
  children: XmlElement[];
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, start: 0, openEnd: 0, closeStart: xml.length, end: xml.length, selfClosing: false, text: '', children: [] };
  let current = root;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XmlElement = { name, attrs, start: parser.startIndex, openEnd: parser.endIndex + 1, closeStart: 0, end: 0, selfClosing: false, text: '', children: [], parent: current };
        current.children.push(el);
        current = el;
      },
      ontext(text) {
        current.text += text;
      },
      onclosetag(_name, implied) {
        const el = current;
        el.selfClosing = implied && parser.startIndex === el.start;
        el.closeStart = el.selfClosing ? el.openEnd : parser.startIndex;
        el.end = parser.endIndex + 1;
        current = el.parent ?? root;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  if (current !== root) throw new Error(`the XML is cut short inside <${current.name}>`);
  return root;
}

/** Descendants named `name`, in document order, not looking inside elements named in `stopAt` (nor inside a match). */
export function findAll(el: XmlElement, name: string, stopAt: string[] = []): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      else if (!stopAt.includes(c.name)) walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function hasAncestor(el: XmlElement, names: string[]): boolean {
  for (let p = el.parent; p; p = p.parent) if (names.includes(p.name)) return true;
  return false;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
