// The status of the active report, from the server's `xxgk/status`
// notification: a language status item (profile, counts, time taken) and a
// status-bar entry with the counts that opens the report's actions.
import * as vscode from 'vscode';

import type { StatusParams } from '../../server/src/protocol';

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const t = (z: string, e: string) => (zh() ? z : e);

export class ReportStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly bar = vscode.window.createStatusBarItem('xxgk-lint.counts', vscode.StatusBarAlignment.Left, 10);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('xxgk-lint.status', selector);
    this.item.name = 'xxgk-lint';
    this.bar.name = t('年度报告检查', 'Annual report check');
    this.bar.command = 'xxgk-lint.statusMenu';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  update(p: StatusParams): void {
    this.byUri.set(p.uri, p);
    this.render();
  }

  /** The last status of a document, for tests and commands. */
  get(uri: vscode.Uri): StatusParams | undefined {
    return this.byUri.get(uri.toString());
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const p = doc ? this.byUri.get(doc.uri.toString()) : undefined;
    this.renderBar(p);
    // Shows the report view's button in the editor title of a checked report.
    void vscode.commands.executeCommand('setContext', 'xxgkLint.isReport', !!p?.checked);
    const item = this.item;
    item.busy = false;
    if (!p) {
      item.text = t('年度报告检查', 'Report check');
      item.detail = t('等待检查', 'waiting');
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = undefined;
      return;
    }
    if (!p.checked) {
      item.text = p.reason === 'disabled' ? t('$(circle-slash) 年度报告检查已关闭', '$(circle-slash) Report check off') : t('$(circle-slash) 不像年度报告', '$(circle-slash) Not a report');
      item.detail = t('未检查', 'not checked');
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.command = { title: t('作为年度报告检查', 'Check as a report'), command: 'xxgk-lint.checkAsReport' };
      return;
    }
    const counts = [
      p.errors ? t(`${p.errors} 个错误`, `${p.errors} error${p.errors > 1 ? 's' : ''}`) : '',
      p.warnings ? t(`${p.warnings} 个警告`, `${p.warnings} warning${p.warnings > 1 ? 's' : ''}`) : '',
      p.infos ? t(`${p.infos} 条提示`, `${p.infos} info`) : '',
    ].filter(Boolean);
    const icon = p.errors ? '$(error)' : p.warnings ? '$(warning)' : '$(check)';
    item.text = `${icon} ${t(`${p.profileName?.zh}模板`, `${p.profileName?.en}`)} · ${counts.length ? counts.join(' ') : t('无问题', 'no problems')}`;
    const why: Record<string, [string, string]> = {
      forced: ['设定', 'forced'],
      year: ['按报告年度', 'from the year'],
      tables: ['按表格样式', 'from the tables'],
      default: ['默认', 'default'],
    };
    const reason = p.profileReason ? why[p.profileReason] : undefined;
    item.detail = t(
      `${reason ? `模板${reason[0]}判定，` : ''}${p.year ? `${p.year} 年度，` : ''}检查用时 ${p.ms} ms`,
      `${reason ? `format ${reason[1]}, ` : ''}${p.year ? `year ${p.year}, ` : ''}checked in ${p.ms} ms`,
    );
    item.severity = p.errors ? vscode.LanguageStatusSeverity.Error : p.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = p.errors || p.warnings ? { title: t('修正全部合计', 'Fix all totals'), command: 'xxgk-lint.fixAll' } : undefined;
  }

  private renderBar(p: StatusParams | undefined): void {
    const bar = this.bar;
    if (!p || (!p.checked && p.reason !== 'dismissed')) {
      bar.hide();
      return;
    }
    if (!p.checked) {
      bar.text = t('$(circle-slash) 年报：不检查', '$(circle-slash) Report: not checked');
      bar.tooltip = t('已标为“不是年度报告”。点击可重新检查。', 'Marked "not a report". Click to check it again.');
      bar.backgroundColor = undefined;
    } else {
      bar.text = `${t('年报', 'Report')} $(error) ${p.errors} $(warning) ${p.warnings}${p.infos ? ` $(info) ${p.infos}` : ''}`;
      bar.tooltip = t(
        `年度报告（${p.profileName?.zh}模板）：${p.errors} 个错误，${p.warnings} 个警告，${p.infos} 条提示。点击查看可用操作。`,
        `Annual report (${p.profileName?.en}): ${p.errors} error(s), ${p.warnings} warning(s), ${p.infos} info. Click for actions.`,
      );
      bar.backgroundColor = p.errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    }
    bar.show();
  }

  dispose(): void {
    this.bar.dispose();
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
