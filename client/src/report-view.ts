// The report view: the tables of the active report drawn as grids beside the
// text (like the Markdown preview). It follows the active editor, redraws
// after every check (so it updates as the user types), outlines the cell under
// the cursor, and a click on a cell selects that cell in the text. The data comes from `xxgk/reportView`.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_VIEW_REQUEST, type ReportView, type ReportViewParams } from '../../server/src/protocol';
import { reportViewBody, reportViewPage, type Lang } from './report-view-html';

export class ReportViewPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private uri?: vscode.Uri;
  private readonly subs: vscode.Disposable[] = [];
  /** The last data drawn, for tests. */
  last?: { uri: string; view: ReportView | null; html: string };

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly languages: string[],
  ) {
    this.subs.push(
      vscode.commands.registerCommand('xxgk-lint.showReportView', () => this.show()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && this.languages.includes(e.document.languageId) && e.document.uri.toString() !== this.uri?.toString()) {
          this.uri = e.document.uri;
          void this.refresh();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && e.textEditor.document.uri.toString() === this.uri?.toString()) void this.panel.webview.postMessage({ type: 'cursor', position: e.selections[0].active });
      }),
    );
  }

  private lang(): Lang {
    return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  async show(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) this.uri = doc.uri;
    if (!this.uri) {
      void vscode.window.showInformationMessage(this.lang() === 'en' ? 'Open an annual report first.' : '请先打开一份年度报告。');
      return;
    }
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      this.panel = vscode.window.createWebviewPanel('xxgk-lint.reportView', this.titleFor(this.uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      const nonce = randomBytes(16).toString('base64');
      this.panel.webview.html = reportViewPage('', nonce, this.panel.webview.cspSource);
      this.panel.webview.onDidReceiveMessage((m: { type: string; range?: vscode.Range }) => {
        if (m.type === 'ready') void this.refresh();
        else if (m.type === 'reveal' && m.range) void this.reveal(m.range);
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    await this.refresh();
  }

  /** A check finished for `uri`: redraw when it is the one shown. */
  checked(uri: string): void {
    if (this.panel && uri === this.uri?.toString()) void this.refresh();
  }

  private titleFor(uri: vscode.Uri): string {
    return `${this.lang() === 'en' ? 'Tables' : '表格'}: ${path.basename(uri.path)}`;
  }

  private async refresh(): Promise<void> {
    const c = this.client();
    const uri = this.uri;
    if (!this.panel || !c || !uri) return;
    const view = (await c.sendRequest(REPORT_VIEW_REQUEST, { textDocument: { uri: uri.toString() } } satisfies ReportViewParams)) as ReportView | null;
    if (!this.panel || uri !== this.uri) return;
    const html = reportViewBody(view, path.basename(uri.path), this.lang());
    this.panel.title = this.titleFor(uri);
    this.last = { uri: uri.toString(), view, html };
    await this.panel.webview.postMessage({ type: 'render', html });
  }

  /** Selects a cell in the text, in the editor that shows it (or opens one). */
  async reveal(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<vscode.TextEditor | undefined> {
    if (!this.uri) return undefined;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri!.toString());
    const editor = await vscode.window.showTextDocument(shown?.document ?? (await vscode.workspace.openTextDocument(this.uri)), {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
