// The VS Code client: starts dist/server.js, shows the status item, and
// contributes the commands. Everything else (diagnostics, fixes, hover,
// outline) comes from the language server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { newReportMarkdown } from './newReport';
import { ReportStatus, type StatusParams } from './status';

const REPORT_LANGUAGE = 'xxgk-report';
const LANGUAGES = [REPORT_LANGUAGE, 'markdown', 'plaintext'];
const SERVER_CHECK = 'xxgk-lint.server.checkAsReport';
const SERVER_FIX_ALL = 'xxgk-lint.server.fixAll';
const SERVER_DOCX = 'xxgk-lint.server.docxToMarkdown';

let client: LanguageClient | undefined;

const zh = () => vscode.env.language.toLowerCase().startsWith('zh');
const t = (z: string, e: string) => (zh() ? z : e);

export interface XxgkApi {
  client: LanguageClient;
  status: ReportStatus;
  lastStatus(uri: vscode.Uri): StatusParams | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const selector = LANGUAGES.map((language) => ({ language }));
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: { xxgkLint: vscode.workspace.getConfiguration('xxgkLint') },
    diagnosticCollectionName: 'xxgk-lint',
    // The server reads .xxgklintrc.json and xxgklint-baseline.json itself (JSON only); tell it when one changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{.xxgklintrc.json,xxgklint-baseline.json}') },
  };
  client = new LanguageClient('xxgkLint', 'xxgk-lint', serverOptions, clientOptions);
  const status = new ReportStatus(selector);
  context.subscriptions.push(status);
  context.subscriptions.push(client.onNotification('xxgk/status', (p: StatusParams) => status.update(p)));

  const target = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) void vscode.window.showInformationMessage(t('请先打开一份年度报告。', 'Open an annual report first.'));
    return doc;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk-lint.newReport', async () => {
      const content = newReportMarkdown(new Date().getFullYear() - 1);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
      await vscode.window.showTextDocument(doc);
      return doc;
    }),
    vscode.commands.registerCommand('xxgk-lint.checkAsReport', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : target();
      if (!doc || !client) return;
      if (!LANGUAGES.includes(doc.languageId)) {
        // Another language: switch the document to the report language, which is always checked.
        await vscode.languages.setTextDocumentLanguage(doc, REPORT_LANGUAGE);
        return;
      }
      return client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_CHECK, arguments: [doc.uri.toString()] });
    }),
    vscode.commands.registerCommand('xxgk-lint.fixAll', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : target();
      if (!doc || !client) return;
      const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL, arguments: [doc.uri.toString()] })) as
        | { applied: boolean; edits: number }
        | null;
      if (r && !r.edits) void vscode.window.showInformationMessage(t('没有可以自动修正的合计。', 'No totals to fix.'));
      return r;
    }),
    vscode.commands.registerCommand('xxgk-lint.openDocxAsMarkdown', async (uri?: vscode.Uri) => {
      const file =
        uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } }))?.[0];
      if (!file || !client) return;
      const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_DOCX, arguments: [file.toString()] })) as
        | { markdown?: string; warnings: string[]; error?: string }
        | null;
      if (!r?.markdown) {
        void vscode.window.showErrorMessage(t(`无法转换 Word 文件：${r?.error ?? ''}`, `Cannot convert the Word file: ${r?.error ?? ''}`));
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown });
      await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
      return doc;
    }),
  );
  await client.start();
  return { client, status, lastStatus: (uri) => status.get(uri) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
