// Finding and rewriting table cells in word/document.xml the way mammoth
// numbers them, on small hand-written XML: only the text inside the cell's
// `w:t` elements changes, whatever shape the cell's runs take.
import { describe, expect, it } from 'vitest';
import { cellText, documentTables, editCells, tableCells } from '../../server/src/docx/cells';
import { parseXml } from '../../server/src/docx/xml';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}</w:body></w:document>`;
const tc = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${inner}</w:tc>`;
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('docx cells', () => {
  it('numbers cells as mammoth does: vertical-merge continuations and deleted rows skipped, nested tables not counted', () => {
    const xml = doc(
      `<w:p/><w:tbl>` +
        `<w:tr>${tc(p('A'), '<w:vMerge w:val="restart"/>')}${tc(p('1'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('2'))}${tc(`<w:tbl><w:tr>${tc(p('inner'))}</w:tr></w:tbl><w:p/>`)}</w:tr>` +
        `<w:tr><w:trPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr>${tc(p('gone'))}</w:tr>` +
        `<w:tr>${tc(p('B'))}${tc(p('3'))}${tc(p('4'))}</w:tr>` +
        `</w:tbl><w:tbl><w:tr>${tc(p('second'))}</w:tr></w:tbl>`,
    );
    const tables = documentTables(parseXml(xml)).map(tableCells);
    expect(tables.map((t) => t.map((r) => r.map(cellText)))).toEqual([[['A', '1'], ['2', ''], ['B', '3', '4']], [['second']]]);
  });

  it('writes into the run that held the figure, empties the others, and keeps every other byte', () => {
    const cell = tc(
      '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>2</w:t></w:r><w:r><w:t>7</w:t></w:r></w:p>',
    );
    const xml = doc(`<w:tbl><w:tr>${tc(p('总计'))}${cell}</w:tr></w:tbl>`);
    const out = editCells(xml, [{ table: 1, row: 1, column: 2, text: '24', was: '27' }]);
    expect(out).toBe(xml.replace('<w:t>2</w:t>', '<w:t>24</w:t>').replace('<w:t>7</w:t>', '<w:t></w:t>'));
  });

  it('an empty cell gets a run formatted like its paragraph mark; a self-closing w:t keeps its attributes', () => {
    const empty = tc('<w:p w14:paraId="1A2B"><w:pPr><w:rPr><w:rFonts w:ascii="宋体"/><w:sz w:val="24"/></w:rPr></w:pPr></w:p>');
    const selfClosing = tc('<w:p><w:r><w:t xml:space="preserve"/></w:r></w:p>');
    const bare = tc('<w:p/>');
    const xml = doc(`<w:tbl><w:tr>${empty}${selfClosing}${bare}</w:tr></w:tbl>`);
    const out = editCells(xml, [
      { table: 1, row: 1, column: 1, text: '5', was: '' },
      { table: 1, row: 1, column: 2, text: 'R&D <1>', was: '' },
      { table: 1, row: 1, column: 3, text: '0', was: '' },
    ]);
    expect(out).toBe(
      xml
        .replace('</w:pPr></w:p>', '</w:pPr><w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:sz w:val="24"/></w:rPr><w:t>5</w:t></w:r></w:p>')
        .replace('<w:t xml:space="preserve"/>', '<w:t xml:space="preserve">R&amp;D &lt;1&gt;</w:t>')
        .replace(`${bare}`, tc('<w:p><w:r><w:t>0</w:t></w:r></w:p>')),
    );
  });

  it('refuses a cell that holds something else than expected, or does not exist', () => {
    const xml = doc(`<w:tbl><w:tr>${tc(p('9'))}</w:tr></w:tbl>`);
    expect(() => editCells(xml, [{ table: 1, row: 1, column: 1, text: '8', was: '7' }])).toThrow(/holds "9", not "7"/);
    expect(() => editCells(xml, [{ table: 2, row: 1, column: 1, text: '8', was: '9' }])).toThrow(/not in the Word file/);
    expect(editCells(xml, [{ table: 1, row: 1, column: 1, text: '8', was: ' 9 ' }])).toBe(xml.replace('<w:t>9</w:t>', '<w:t>8</w:t>'));
  });
});
