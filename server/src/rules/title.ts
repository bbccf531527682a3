// title: the title lacks the agency name, the year or the words 政府信息公开工作年度报告.
import { defineRule } from './define';
import { squash } from '../core/text';

/** A place or a national body: an agency name without one (`生态环境局`) is incomplete. */
const PLACE = /省|市|县|区|州|盟|旗|乡|镇|街道|自治|国家|国务院|中华人民共和国|中国|部$|署$|总局$|委员会$/;

export const title = defineRule({
  id: 'title',
  severity: 'warning',
  category: 'structure',
  contract: true,
  summary: 'the title lacks the agency, the year or 政府信息公开工作年度报告',
  description: { zh: '标题缺少机关名称、年度或“政府信息公开工作年度报告”字样', en: 'The title lacks the agency, the year or the words 政府信息公开工作年度报告' },
  check(ctx) {
    const { report } = ctx;
    const t = report.title;
    if (!t) {
      ctx.emit({
        message: ctx.t('没有找到标题（机关名称 + 年度 + 政府信息公开工作年度报告）', 'No title found (agency + year + 政府信息公开工作年度报告)'),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: report.lines[0].length } },
      });
      return;
    }
    const lacks: [string, string][] = [];
    if (!t.agency) lacks.push(['机关名称', 'the agency name']);
    else if (!PLACE.test(t.agency)) lacks.push([`机关名称“${t.agency}”中的所属地区`, `the place in the agency name "${t.agency}"`]);
    if (t.year === undefined) lacks.push(['年度', 'the year']);
    if (!squash(t.text).includes('政府信息公开工作年度报告')) lacks.push(['“政府信息公开工作年度报告”字样', 'the words 政府信息公开工作年度报告']);
    if (!lacks.length) return;
    ctx.emit({
      message: ctx.t(`标题缺少${lacks.map((x) => x[0]).join('、')}`, `The title lacks ${lacks.map((x) => x[1]).join(', ')}`),
      range: t.range,
    });
  },
});
