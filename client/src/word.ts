// Word files in VS Code: "Check Word report" (findings in the Problems panel,
// each with its Word place), "Fix totals in Word file", "Open Word report as
// Markdown" (GFM tables; the source is remembered) and "Save back to Word"
// (edited figures written into the .docx's cells). The server does the reading
// and writing; this file only asks and shows.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { ServerCommand, type DocxCheckResult, type DocxFinding, type DocxResult, type DocxWriteResult } from '../../server/src/protocol';

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const t = (z: string, e: string) => (zh() ? z : e);
const FROM_WORD = 'xxgkLint.fromWord';
/** Where the Markdown-from-Word sources are kept, so that "Save back to Word" survives a window reload. */
const SOURCES = 'xxgkLint.wordSources';

export class WordFiles implements vscode.Disposable {
  private readonly problems = vscode.languages.createDiagnosticCollection('xxgk-lint-word');
  /** Markdown documents opened from a Word file: the file, and the Markdown as it was read. */
  private readonly sources: Map<string, { docx: vscode.Uri; original: string }>;
  /** Word files whose hint was shown (once per file and session). */
  readonly hinted = new Set<string>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly state: vscode.Memento,
  ) {
    const kept = state.get<Record<string, { docx: string; original: string }>>(SOURCES, {});
    this.sources = new Map(Object.entries(kept).map(([doc, s]) => [doc, { docx: vscode.Uri.parse(s.docx), original: s.original }]));
    this.subs.push(
      this.problems,
      vscode.commands.registerCommand('xxgk-lint.checkDocx', (uri?: vscode.Uri) => this.check(uri)),
      vscode.commands.registerCommand('xxgk-lint.fixDocx', (uri?: vscode.Uri) => this.fix(uri)),
      vscode.commands.registerCommand('xxgk-lint.openDocxAsMarkdown', (uri?: vscode.Uri) => this.openAsMarkdown(uri)),
      vscode.commands.registerCommand('xxgk-lint.saveToDocx', () => this.saveBack()),
      vscode.window.onDidChangeActiveTextEditor((e) => this.setContext(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.sources.delete(d.uri.toString())) this.keep();
      }),
      vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.forEach((tab) => this.hint(tab))),
    );
    vscode.window.tabGroups.all.forEach((g) => g.tabs.forEach((tab) => this.hint(tab)));
    this.setContext(vscode.window.activeTextEditor);
  }

  /** The Word file a Markdown document was opened from. */
  sourceOf(doc: vscode.Uri): vscode.Uri | undefined {
    return this.sources.get(doc.toString())?.docx;
  }

  private async ask<T>(command: string, ...args: unknown[]): Promise<T | undefined> {
    const c = this.client();
    if (!c) return undefined;
    return (await c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  }

  private async pick(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (uri) return uri;
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    if (tab?.uri && /\.docx$/i.test(tab.uri.path)) return tab.uri;
    const active = vscode.window.activeTextEditor?.document.uri;
    const from = active && this.sourceOf(active);
    if (from) return from;
    return (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } }))?.[0];
  }

  async check(uri?: vscode.Uri): Promise<DocxFinding[] | undefined> {
    const file = await this.pick(uri);
    if (!file) return undefined;
    const r = await this.ask<DocxCheckResult>(ServerCommand.checkDocx, file.toString());
    if (!r || r.error) {
      void vscode.window.showErrorMessage(t(`无法读取 Word 文件：${r?.error ?? ''}`, `Cannot read the Word file: ${r?.error ?? ''}`));
      return undefined;
    }
    const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
    this.problems.set(
      file,
      r.findings.map((f) => {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${f.place}：${f.message}`, severity[f.severity]);
        d.source = 'xxgk-lint';
        d.code = f.rule;
        return d;
      }),
    );
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const name = path.basename(file.fsPath);
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(
      errors ? t(`${name}：${errors} 个错误，见“问题”面板`, `${name}: ${errors} error${errors > 1 ? 's' : ''}, see the Problems panel`) : t(`${name}：没有错误`, `${name}: no errors`),
    );
    return r.findings;
  }

  async fix(uri?: vscode.Uri): Promise<DocxWriteResult | undefined> {
    const file = await this.pick(uri);
    if (!file) return undefined;
    const r = await this.ask<DocxWriteResult>(ServerCommand.fixDocx, file.toString());
    this.tell(file, r);
    if (r && !r.error) await this.check(file);
    return r;
  }

  async openAsMarkdown(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const file = await this.pick(uri);
    if (!file) return undefined;
    const r = await this.ask<DocxResult>(ServerCommand.docxToMarkdown, file.toString());
    if (!r?.markdown) {
      void vscode.window.showErrorMessage(t(`无法转换 Word 文件：${r?.error ?? ''}`, `Cannot convert the Word file: ${r?.error ?? ''}`));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
    this.sources.set(doc.uri.toString(), { docx: file, original: r.markdown });
    this.keep();
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    this.setContext(editor);
    const save = t('写回 Word', 'Save back to Word');
    void vscode.window
      .showInformationMessage(t(`已将 ${path.basename(file.fsPath)} 转为 Markdown。改好表中数字后可写回 Word 文件。`, `${path.basename(file.fsPath)} opened as Markdown. Edit the figures, then save them back into the Word file.`), save)
      .then((c) => {
        if (c === save) void this.saveBack(doc);
      });
    return doc;
  }

  async saveBack(doc = vscode.window.activeTextEditor?.document): Promise<DocxWriteResult | undefined> {
    const source = doc && this.sources.get(doc.uri.toString());
    if (!doc || !source) {
      void vscode.window.showInformationMessage(t('这份 Markdown 不是从 Word 文件打开的。', 'This Markdown was not opened from a Word file.'));
      return undefined;
    }
    const r = await this.ask<DocxWriteResult>(ServerCommand.saveMarkdownToDocx, source.docx.toString(), source.original, doc.getText());
    this.tell(source.docx, r);
    if (r && !r.error && r.cells) {
      // What the file now reads as, so the next save compares against it.
      const again = await this.ask<DocxResult>(ServerCommand.docxToMarkdown, source.docx.toString());
      if (again?.markdown) source.original = again.markdown;
      this.keep();
    }
    return r;
  }

  private keep(): void {
    const out: Record<string, { docx: string; original: string }> = {};
    for (const [doc, s] of this.sources) out[doc] = { docx: s.docx.toString(), original: s.original };
    void this.state.update(SOURCES, out);
  }

  private tell(file: vscode.Uri, r: DocxWriteResult | undefined): void {
    const name = path.basename(file.fsPath);
    if (!r || r.error) {
      void vscode.window.showErrorMessage(t(`未写入 ${name}：${r?.error ?? ''}`, `${name} not written: ${r?.error ?? ''}`));
      return;
    }
    const done = r.cells ? t(`已写入 ${name} 的 ${r.cells} 个单元格。`, `${r.cells} cell${r.cells > 1 ? 's' : ''} written into ${name}.`) : t(`${name} 无需修改。`, `Nothing to change in ${name}.`);
    const left = r.left.length ? t(` 表格以外的修改未写入，请在 Word 中修改：${r.left.join('；')}`, ` Changes outside the tables were not written; make them in Word: ${r.left.join('; ')}`) : '';
    void (left ? vscode.window.showWarningMessage(done + left) : vscode.window.showInformationMessage(done));
  }

  /** Opening a .docx shows VS Code's binary-file page: say what can be done with it. */
  private hint(tab: vscode.Tab): void {
    const uri = (tab.input as { uri?: vscode.Uri } | undefined)?.uri;
    if (!uri || !/\.docx$/i.test(uri.path) || this.hinted.has(uri.toString())) return;
    this.hinted.add(uri.toString());
    const [check, fix, open] = [t('检查 Word 报告', 'Check Word report'), t('修正 Word 文件中的合计', 'Fix totals in Word file'), t('以 Markdown 打开', 'Open as Markdown')];
    void vscode.window
      .showInformationMessage(t(`${path.basename(uri.fsPath)} 是 Word 文件：可以检查它、修正其中的合计，或以 Markdown 打开编辑。`, `${path.basename(uri.fsPath)} is a Word file: check it, fix its totals, or open it as Markdown to edit.`), check, fix, open)
      .then((c) => {
        if (c === check) void this.check(uri);
        else if (c === fix) void this.fix(uri);
        else if (c === open) void this.openAsMarkdown(uri);
      });
  }

  private setContext(editor: vscode.TextEditor | undefined): void {
    void vscode.commands.executeCommand('setContext', FROM_WORD, !!editor && this.sources.has(editor.document.uri.toString()));
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
