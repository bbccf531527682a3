// Generates the two TextMate grammars in syntaxes/ (the JSON files are committed;
// edit this file and run `node scripts/editor/grammars.mjs` to change them).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
const OUT = join(import.meta.dirname, '..', '..', 'syntaxes');
const SECTION_WORDS = '总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议[、及和]?行政诉讼情况|[^\\t|]{0,20}行政复议[^\\t|]{0,6}行政诉讼[^\\t|]{0,10}|存在的主要问题及改进情况|存在的主要问题[^\\t|]{0,12}|[^\\t|]{0,6}问题及改进情况|其他需要报告的事项';
const heading = {
  // 一、总体情况 … 六、其他需要报告的事项 (also （一） numbering, and Markdown #s in the markdown injection)
  name: 'markup.heading.section.xxgk-report',
  match: `^[ \\t\\u3000]*(?:([一二三四五六])、|[（(]([一二三四五六])[)）])[ \\u3000]*(${SECTION_WORDS})[ \\t\\u3000]*$`,
  captures: {
    1: { name: 'constant.numeric.section-number.xxgk-report' },
    2: { name: 'constant.numeric.section-number.xxgk-report' },
    3: { name: 'entity.name.section.xxgk-report' },
  },
};
const date = {
  name: 'constant.other.date.xxgk-report',
  match: '(?:\\d{4}|[〇零一二三四五六七八九○Ｏ０-９]{4})年(?:\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})日)?',
};
const year = {
  name: 'constant.numeric.year.xxgk-report',
  match: '(?:\\d{4}|[〇零一二三四五六七八九○]{4})年度?',
};
const blockHeader = {
  // 第二十条第（一）项 … 第二十条第（八）项
  name: 'entity.name.tag.table-block.xxgk-report',
  match: '第二十条第?[（(][一二三四五六七八九十]+[)）]项',
};
const totalLabel = {
  // （七）总计, 总计 as a row or column label
  name: 'keyword.other.total.xxgk-report',
  match: '(?:(?<=^|\\t|\\|)[ \\u3000]*)(?:[（(]七[)）][ \\u3000]*)?总计(?=[ \\u3000]*(?:$|\\t|\\|))',
};
const rowLabel = {
  // A label cell at the start of a row: 一、本年新收…, （一）予以公开, 1.属于国家秘密, 规章 …
  name: 'entity.other.attribute-name.row-label.xxgk-report',
  match: '(?<=^\\t|^\\|[ ]|^\\|)[ \\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\\d{1,2}[.．、])[^\\t|]+|(?<=^\\t)(?:规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|其他对外管理服务事项)(?=[ \\t]*$)',
};
const numberCell = {
  // A cell that holds only a number: a TAB-led line (Word text), a TSV cell or a Markdown cell.
  name: 'constant.numeric.cell.xxgk-report',
  match: '(?<=^|\\t|\\|)[ \\u3000\\u00a0]*(?:[0-9]+(?:\\.[0-9]+)?|[０-９]+)[ \\u3000\\u00a0]*(?=$|\\t|\\|)',
};
const title = {
  name: 'markup.heading.title.xxgk-report',
  match: '^[ \\t\\u3000]*[^\\t|]{0,60}政府信息公开(?:工作)?年度报告[ \\t\\u3000]*$',
  captures: { 0: { patterns: [{ include: '#date' }, { include: '#year' }] } },
};
const directive = {
  name: 'comment.line.directive.xxgk-report',
  match: '^\\s*(?:<!--|//|#)\\s*xxgk-(?:disable-next-line|disable-file|disable|enable)\\b.*$',
};
const report = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'xxgk-report',
  scopeName: 'text.xxgk-report',
  comment: 'Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as text: Word text with TAB-led cells, TSV, or Markdown-like tables.',
  patterns: [
    { include: '#directive' },
    { include: '#heading' },
    { include: '#title' },
    { include: '#total-row' },
    { include: '#cells' },
  ],
  repository: {
    directive,
    heading,
    title,
    'total-row': {
      // A TSV / table row labelled 总计 with figures after the label (not a header row
      // whose last column is 总计): the whole row, with its cells inside.
      name: 'meta.row.total.xxgk-report',
      match: '^(?=(?:[^\\n]*[\\t|])?[ \\u3000]*(?:[（(]七[)）][ \\u3000]*)?总计[ \\u3000]*[\\t|][^\\n]*[0-9０-９])[^\\n]*$',
      captures: { 0: { patterns: [{ include: '#cells' }] } },
    },
    cells: { patterns: [{ include: '#block-header' }, { include: '#total-label' }, { include: '#row-label' }, { include: '#number-cell' }, { include: '#date' }, { include: '#year' }] },
    'block-header': blockHeader,
    'total-label': totalLabel,
    'row-label': rowLabel,
    'number-cell': numberCell,
    date,
    year,
  },
};
const injection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'xxgk-report in Markdown',
  scopeName: 'markdown.xxgk-report.injection',
  comment: 'Marks the six section headings and the 总计 rows of an annual report written in Markdown.',
  // Never inside its own matches: their captures are tokenised again, and would match again.
  injectionSelector: 'L:text.html.markdown -meta.row.total.xxgk-report -markup.heading.section.xxgk-report -markup.fenced_code -markup.inline.raw -comment',
  patterns: [{ include: '#heading' }, { include: '#total-row' }],
  repository: {
    heading: {
      name: 'markup.heading.markdown markup.heading.section.xxgk-report',
      match: `^[ ]{0,3}(?:(#{1,6})[ \\t]+)?(?:([一二三四五六])、|[（(]([一二三四五六])[)）])[ \\u3000]*(${SECTION_WORDS})[ \\t\\u3000]*(?:#+[ \\t]*)?$`,
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'constant.numeric.section-number.xxgk-report' },
        3: { name: 'constant.numeric.section-number.xxgk-report' },
        4: { name: 'entity.name.section.markdown entity.name.section.xxgk-report' },
      },
    },
    'total-row': {
      name: 'markup.table.markdown meta.row.total.xxgk-report',
      match: '^[ ]{0,3}\\|(?=(?:[^\\n]*\\|)?[ \\u3000]*(?:[（(]七[)）][ \\u3000]*)?总计[ \\u3000]*\\|[^\\n]*[0-9０-９])[^\\n]*$',
      captures: {
        0: {
          patterns: [
            { name: 'punctuation.separator.table.markdown', match: '\\|' },
            { name: 'keyword.other.total.xxgk-report', match: '(?:[（(]七[)）][ \\u3000]*)?总计' },
            { name: 'constant.numeric.cell.xxgk-report', match: '(?<=\\|)[ \\u3000\\u00a0]*(?:[0-9]+(?:\\.[0-9]+)?|[０-９]+)[ \\u3000\\u00a0]*(?=\\|)' },
          ],
        },
      },
    },
  },
};
writeFileSync(join(OUT, 'xxgk-report.tmLanguage.json'), JSON.stringify(report, null, 2) + '\n');
writeFileSync(join(OUT, 'xxgk-markdown.injection.tmLanguage.json'), JSON.stringify(injection, null, 2) + '\n');
