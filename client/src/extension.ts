// The VS Code client: starts dist/server.js, shows the status item, and
// contributes the commands. Everything else (diagnostics, fixes, hover,
// outline) comes from the language server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CANDIDATE_LANGUAGES, REPORT_LANGUAGE, SETTINGS_SECTION, STATUS_NOTIFICATION, ServerCommand, type FixAllResult, type StatusParams } from '../../server/src/protocol';
import { ReportStatus } from './status';
import { ReportViewPanel } from './report-view';
import { WordFiles } from './word';

/** Files the user said are not reports, remembered per workspace. */
const NOT_REPORTS = 'xxgkLint.notReports';

let client: LanguageClient | undefined;

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const t = (z: string, e: string) => (zh() ? z : e);

export interface XxgkApi {
  client: LanguageClient;
  status: ReportStatus;
  lastStatus(uri: vscode.Uri): StatusParams | undefined;
  word: WordFiles;
  reportView: ReportViewPanel;
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = CANDIDATE_LANGUAGES.map((language) => ({ language }));
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: { [SETTINGS_SECTION]: vscode.workspace.getConfiguration(SETTINGS_SECTION), notReports: context.workspaceState.get<string[]>(NOT_REPORTS, []) },
    diagnosticCollectionName: 'xxgk-lint',
    // Rule links open the rule's page shipped in the extension, not the web
    // (government intranets often cannot reach GitHub).
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((d) => withLocalRulePage(context, d))),
    },
    // The server reads .xxgklintrc.json, xxgklint-baseline.json and xxgk-hierarchy.json itself (JSON only); tell it when one changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.xxgklintrc.json,xxgklint-baseline.json,xxgk-hierarchy.json}') },
  };
  client = new LanguageClient('xxgkLint', 'xxgk-lint', serverOptions, clientOptions);
  const status = new ReportStatus(selector);
  const reportView = new ReportViewPanel(() => client, CANDIDATE_LANGUAGES);
  context.subscriptions.push(status, reportView);
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      status.update(p);
      rememberNotReport(context, p);
      reportView.checked(p.uri);
    }),
  );

  const target = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) void vscode.window.showInformationMessage(t('请先打开一份年度报告。', 'Open an annual report first.'));
    return doc;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk-lint.newReport', async () => {
      if (!client) return;
      const content = (await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.newReport, arguments: [new Date().getFullYear() - 1] })) as string;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(doc);
      return doc;
    }),
    vscode.commands.registerCommand('xxgk-lint.checkAsReport', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : target();
      if (!doc || !client) return;
      if (!CANDIDATE_LANGUAGES.includes(doc.languageId)) {
        // Another language: switch the document to the report language, which is always checked.
        await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
        return;
      }
      return client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.checkAsReport, arguments: [doc.uri.toString()] });
    }),
    vscode.commands.registerCommand('xxgk-lint.notAReport', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : target();
      if (!doc || !client) return;
      return client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.notAReport, arguments: [doc.uri.toString()] });
    }),
    vscode.commands.registerCommand('xxgk-lint.statusMenu', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      const p = doc && status.get(doc.uri);
      if (!doc || !p) return;
      const items: (vscode.QuickPickItem & { command: string })[] = [];
      if (p.checked && (p.errors || p.warnings)) items.push({ label: t('$(wrench) 修正全部合计', '$(wrench) Fix all totals'), command: 'xxgk-lint.fixAll' });
      if (p.checked) items.push({ label: t('$(table) 查看表格', '$(table) Show the tables'), command: 'xxgk-lint.showReportView' });
      if (p.checked) items.push({ label: t('$(list-flat) 在“问题”面板中查看', '$(list-flat) Show in the Problems panel'), command: 'workbench.actions.view.problems' });
      if (p.checked && ['looks-like-report', 'all'].includes(p.reason)) items.push({ label: t('$(circle-slash) 不是年度报告：不再检查此文件', '$(circle-slash) Not a report: stop checking this file'), command: 'xxgk-lint.notAReport' });
      if (!p.checked) items.push({ label: t('$(check) 作为年度报告检查', '$(check) Check this file as a report'), command: 'xxgk-lint.checkAsReport' });
      const pick = await vscode.window.showQuickPick(items, { placeHolder: 'xxgk-lint' });
      if (pick) await vscode.commands.executeCommand(pick.command);
    }),
    vscode.commands.registerCommand('xxgk-lint.fixAll', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : target();
      if (!doc || !client) return;
      const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommand.fixAll, arguments: [doc.uri.toString()] })) as FixAllResult | null;
      if (r && !r.edits) void vscode.window.showInformationMessage(t('没有可以自动修正的合计。', 'No totals to fix.'));
      return r;
    }),
  );
  const word = new WordFiles(() => client, context.workspaceState);
  context.subscriptions.push(word);
  await client.start();
  return { client, status, lastStatus: (uri) => status.get(uri), word, reportView };
}

function withLocalRulePage(context: vscode.ExtensionContext, d: vscode.Diagnostic): vscode.Diagnostic {
  const code = d.code;
  if (typeof code !== 'object' || !code) return d;
  const id = /\/docs\/rules\/([\w-]+)\.md$/.exec(code.target.toString())?.[1];
  if (id) d.code = { value: code.value, target: vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`)) };
  return d;
}

/** The server says which files the user dismissed (or checked again); keep the list for the next session. */
function rememberNotReport(context: vscode.ExtensionContext, p: StatusParams): void {
  const list = context.workspaceState.get<string[]>(NOT_REPORTS, []);
  const has = list.includes(p.uri);
  if (p.reason === 'dismissed' && !has) void context.workspaceState.update(NOT_REPORTS, [...list, p.uri]);
  else if (p.checked && has) void context.workspaceState.update(NOT_REPORTS, list.filter((u) => u !== p.uri));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
