// Builds a minimal .docx in memory from Markdown whose tables are HTML (as
// render.ts writes them): paragraphs, `#` headings as Word headings, and tables
// with merged cells (gridSpan, vMerge) the way Word writes them. Nothing binary
// is committed; the files are made in the test setup.
import JSZip from 'jszip';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const run = (text: string) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${text ? run(text) : ''}</w:p>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`;

export async function markdownToDocx(markdown: string): Promise<Buffer> {
  const body: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^<table/.test(line)) {
      let j = i;
      while (j < lines.length && !/<\/table>/.test(lines[j])) j++;
      body.push(table(lines.slice(i, j + 1).join('\n')));
      i = j;
      continue;
    }
    if (!line.trim()) continue;
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    body.push(h ? para(h[2], h[1].length === 1 ? 'Heading1' : 'Heading2') : para(line));
  }
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  zip.file('word/styles.xml', STYLES);
  zip.file('word/document.xml', doc);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An HTML table as a Word table: colspan → gridSpan; rowspan → vMerge restart + continue cells. */
function table(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const trs: Element[] = [];
  visit(tree, 'element', (n) => {
    if (n.tagName === 'tr') trs.push(n);
  });
  // Cells still merging down into later rows: column → rows left and width.
  const pending = new Map<number, { left: number; span: number }>();
  const rows: string[] = [];
  for (const tr of trs) {
    const out: string[] = [];
    let col = 0;
    const tds = tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    let k = 0;
    const flushPending = () => {
      for (;;) {
        const p = pending.get(col);
        if (!p) return;
        out.push(`<w:tc><w:tcPr>${p.span > 1 ? `<w:gridSpan w:val="${p.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        p.left--;
        if (p.left === 0) pending.delete(col);
        col += p.span;
      }
    };
    flushPending();
    while (k < tds.length) {
      const td = tds[k++];
      const cs = Number(td.properties.colSpan ?? 1);
      const rs = Number(td.properties.rowSpan ?? 1);
      const text = toString(td).replace(/\u00a0/g, ' ').trim();
      const pr = `${cs > 1 ? `<w:gridSpan w:val="${cs}"/>` : ''}${rs > 1 ? '<w:vMerge w:val="restart"/>' : ''}`;
      out.push(`<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${para(text)}</w:tc>`);
      if (rs > 1) pending.set(col, { left: rs - 1, span: cs });
      col += cs;
      flushPending();
    }
    rows.push(`<w:tr>${out.join('')}</w:tr>`);
  }
  return `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;
}
