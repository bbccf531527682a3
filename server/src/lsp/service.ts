// The language server's behaviour on a connection: documents, debounced and
// versioned linting, settings, and the feature handlers. server.ts only wires
// it to stdio.
import { performance } from 'node:perf_hooks';
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { looksLikeReport } from '../core/detect';
import { lint } from '../engine/lint';
import { builtInTemplates } from '../core/templates';
import { LAST_YEAR_RULES } from '../rules';
import { hierarchySum } from '../rules/hierarchy-sum';
import type { LintOptions, LintResult } from '../core/types';
import { codeActions, fixAllAction, notAReportAction, wants } from './actions';
import { checkDocxFile, docxFileToMarkdown, fixDocxFile, saveMarkdownToDocx } from './docx';
import { FIX_ALL_KIND, SOURCE, toLspDiagnostic } from './convert';
import { hoverAt } from './hover';
import { WorkspaceHierarchy } from './hierarchy';
import { LastYearReports } from './last-year';
import { documentSymbols, foldingRanges } from './outline';
import { Baselines } from './baseline';
import { reportView } from './report-view';
import { newReportMarkdown } from './new-report';
import { RcFiles, withRc } from './rcfile';
import { defaultSettings, lintOptions, normalizeSettings, type Settings } from './settings';
import { REPORT_LANGUAGE, REPORT_VIEW_REQUEST, SETTINGS_SECTION, STATUS_NOTIFICATION, ServerCommand, type FixAllResult, type ReportViewParams, type StatusParams } from '../protocol';

interface Cached {
  version: number;
  generation: number;
  /** The config file's settings the result was computed with. */
  rcKey: string;
  result: LintResult;
  ms: number;
}

export class XxgkServer {
  readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = defaultSettings;
  /** Bumped when the settings change, so cached results are recomputed. */
  private generation = 0;
  private cache = new Map<string, Cached>();
  /** Last year's reports in the workspace, for carried-over. */
  private lastYear = new LastYearReports();
  /** The workspace's xxgk-hierarchy.json, for hierarchy-sum. */
  private hierarchy = new WorkspaceHierarchy();
  private timers = new Map<string, NodeJS.Timeout>();
  private forced = new Set<string>();
  /** Files the user said are not reports (the client remembers them and passes them in `initializationOptions.notReports`). */
  private dismissed = new Set<string>();
  private published = new Set<string>();
  private pullConfiguration = false;
  private dynamicConfiguration = false;
  private readonly rc = new RcFiles();
  private readonly baselines = new Baselines();
  /** Resolved once the client's settings are in (or it has none to give), so the first check uses them. */
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private readonly rcErrors = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.wire();
    this.documents.listen(connection);
  }

  // ---- the protocol ---------------------------------------------------------

  private wire(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => {
      if (this.dynamicConfiguration) void c.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      // A client that never answers workspace/configuration gets the defaults after a while.
      setTimeout(() => this.markReady(), 3000).unref();
      void this.reloadSettings().finally(() => this.markReady());
    });
    c.onDidChangeConfiguration((p) => void this.reloadSettings(p.settings));
    // A .xxgklintrc.json changed (clients that watch it tell us): check again.
    c.onDidChangeWatchedFiles(() => {
      this.rc.clear();
      this.generation++;
      for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
    });

    // TextDocuments fires a content change right after each open: check an opened document at once, typing after a pause.
    const opened = new Set<string>();
    this.documents.onDidOpen((e) => opened.add(e.document.uri));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, opened.delete(e.document.uri) ? 0 : this.settings.debounce));
    this.documents.onDidClose((e) => {
      const uri = e.document.uri;
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      this.cache.delete(uri);
      this.forced.delete(uri);
      if (this.published.delete(uri)) c.sendDiagnostics({ uri, diagnostics: [] });
    });

    c.onHover((p) =>
      this.guard('hover', null, () => {
        const r = this.resultFor(p.textDocument.uri);
        const h = r && hoverAt(r.report, p.position, this.settings.lang);
        return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: h.range } : null;
      }),
    );
    c.onDocumentSymbol((p) => this.guard('documentSymbol', [], () => {
      const r = this.resultFor(p.textDocument.uri);
      return r ? documentSymbols(r.report, this.settings.lang, this.documents.get(p.textDocument.uri)?.languageId === 'markdown') : [];
    }));
    c.onFoldingRanges((p) => this.guard('foldingRange', [], () => {
      const r = this.resultFor(p.textDocument.uri);
      return r ? foldingRanges(r.report) : [];
    }));
    c.onCodeAction((p) => this.guard('codeAction', [] as CodeAction[], () => {
      const doc = this.documents.get(p.textDocument.uri);
      const r = this.resultFor(p.textDocument.uri);
      if (!doc || !r) return [];
      const actions = codeActions(doc.getText(), doc.uri, r, p.range, p.context, this.options(doc.uri));
      // Checked only because it looked like a report: let the writer say it is not one.
      const guessed = ['looks-like-report', 'all'].includes(this.decide(doc).reason);
      return guessed && wants(p.context.only, 'quickfix') && p.context.diagnostics.some((d) => d.source === SOURCE) ? [...actions, notAReportAction(doc.uri, this.settings.lang)] : actions;
    }));
    // The tables as grids for a report view; null when the document is not checked.
    c.onRequest(REPORT_VIEW_REQUEST, (p: ReportViewParams) => this.guard('reportView', null, () => {
      const r = this.resultFor(p.textDocument.uri);
      return r ? reportView(r, this.settings.lang) : null;
    }));
    c.onExecuteCommand((p) => this.guard('executeCommand', null, () => this.command(p.command, p.arguments ?? [])));
  }

  private initialize(p: InitializeParams): InitializeResult {
    const ws = p.capabilities.workspace;
    this.pullConfiguration = !!ws?.configuration;
    this.dynamicConfiguration = !!ws?.didChangeConfiguration?.dynamicRegistration;
    const roots = p.workspaceFolders?.map((f) => f.uri) ?? (p.rootUri ? [p.rootUri] : []);
    this.lastYear.setRoots(roots);
    this.hierarchy.setRoots(roots);
    const init = p.initializationOptions as Record<string, unknown> | undefined;
    if (init && typeof init === 'object') this.settings = normalizeSettings(init.xxgkLint ?? init.settings ?? init);
    if (Array.isArray(init?.notReports)) for (const u of init.notReports) if (typeof u === 'string') this.dismissed.add(u);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'xxgk-lint' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommand) },
      },
      serverInfo: { name: 'xxgk-lint', version: '0.1.0' },
    };
  }

  private async reloadSettings(pushed?: unknown): Promise<void> {
    let raw: unknown = undefined;
    if (this.pullConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      } catch (error) {
        this.connection.console.warn(`xxgk-lint: workspace/configuration failed: ${String(error)}`);
      }
    } else if (pushed && typeof pushed === 'object') {
      raw = (pushed as Record<string, unknown>).xxgkLint ?? pushed;
    }
    if (raw !== undefined) this.settings = normalizeSettings(raw);
    this.generation++;
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  private command(command: string, args: unknown[]): unknown {
    const uri = typeof args[0] === 'string' ? args[0] : (args[0] as { uri?: string } | undefined)?.uri;
    if (command === ServerCommand.newReport) return typeof args[0] === 'number' ? newReportMarkdown(args[0]) : null;
    if (command === ServerCommand.docxToMarkdown) return uri ? docxFileToMarkdown(uri) : null;
    if (command === ServerCommand.checkDocx) return uri ? checkDocxFile(uri, this.options(uri), this.settings.lang) : null;
    if (command === ServerCommand.fixDocx) return uri ? fixDocxFile(uri, this.options(uri), this.settings.lang) : null;
    if (command === ServerCommand.saveMarkdownToDocx) {
      const [original, edited] = [args[1], args[2]];
      return uri && typeof original === 'string' && typeof edited === 'string' ? saveMarkdownToDocx(uri, original, edited, this.settings.lang) : null;
    }
    const doc = uri ? this.documents.get(uri) : undefined;
    if (!doc) return null;
    if (command === ServerCommand.notAReport) {
      this.forced.delete(doc.uri);
      this.dismissed.add(doc.uri);
      this.schedule(doc.uri, 0);
      return { dismissed: true };
    }
    if (command === ServerCommand.checkAsReport) {
      this.dismissed.delete(doc.uri);
      this.forced.add(doc.uri);
      this.schedule(doc.uri, 0);
      const r = this.resultFor(doc.uri)!;
      return { diagnostics: r.diagnostics.length, profile: r.report.profile };
    }
    if (command === ServerCommand.fixAll) {
      this.forced.add(doc.uri);
      const action = fixAllAction(doc.getText(), doc.uri, this.options(doc.uri));
      if (!action?.edit) return { applied: false, edits: 0 };
      const edits = Object.values(action.edit.changes ?? {})[0]?.length ?? 0;
      return this.connection.workspace.applyEdit({ label: action.title, edit: action.edit }).then(
        (r): FixAllResult => ({ applied: r.applied, edits }),
        (): FixAllResult => ({ applied: false, edits }),
      );
    }
    return null;
  }

  // ---- checking ----------------------------------------------------------------

  /** The settings for one document: the editor's, over the nearest .xxgklintrc.json. */
  private settingsFor(uri: string): { settings: Settings; rcKey: string } {
    const rc = this.rc.forUri(uri);
    if (rc?.error && !this.rcErrors.has(rc.error)) {
      this.rcErrors.add(rc.error);
      this.connection.console.warn(`xxgk-lint: ignoring ${rc.error}`);
    }
    return { settings: withRc(this.settings, rc), rcKey: rc ? JSON.stringify(rc) : '' };
  }

  private options(uri: string): LintOptions {
    const options = lintOptions(this.settingsFor(uri).settings, (rule, error) =>
      this.connection.console.error(`xxgk-lint: rule ${rule} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    );
    const doc = this.documents.get(uri);
    const wanted = LAST_YEAR_RULES.some((id) => options.rules?.[id] !== 'off');
    const previous = doc && wanted ? this.lastYear.find(uri, doc.getText(), this.documents.all()) : undefined;
    return previous ? { ...options, previous } : options;
  }

  /** Whether a document is checked, and why. */
  private decide(doc: TextDocument): { checked: boolean; reason: string } {
    if (!this.settings.enable) return { checked: false, reason: 'disabled' };
    if (this.forced.has(doc.uri)) return { checked: true, reason: 'forced' };
    if (this.dismissed.has(doc.uri)) return { checked: false, reason: 'dismissed' };
    if (doc.languageId === REPORT_LANGUAGE) return { checked: true, reason: 'language' };
    if (this.settings.check === 'reportLanguage') return { checked: false, reason: 'not-a-report' };
    if (this.settings.check === 'all') return { checked: true, reason: 'all' };
    return looksLikeReport(doc.getText()) ? { checked: true, reason: 'looks-like-report' } : { checked: false, reason: 'not-a-report' };
  }

  /** The lint result of the document as it is now (cached per version), or undefined when it is not checked. */
  private resultFor(uri: string): LintResult | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.decide(doc).checked) return undefined;
    return this.lintNow(doc).result;
  }

  private lintNow(doc: TextDocument): Cached {
    const { rcKey } = this.settingsFor(doc.uri);
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation && hit.rcKey === rcKey) return hit;
    const start = performance.now();
    const options = this.options(doc.uri);
    const result = lint(doc.getText(), options);
    const across = this.guard(hierarchySum.id, [], () => this.hierarchy.check(doc.uri, result.report, this.documents.all(), options));
    if (across.length) result.diagnostics = [...result.diagnostics, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const entry = { version: doc.version, generation: this.generation, rcKey, result, ms: performance.now() - start };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.check(uri).catch((error) => this.connection.console.error(`xxgk-lint: check failed: ${String(error?.stack ?? error)}`));
      }, delay),
    );
  }

  private async check(uri: string): Promise<void> {
    await this.ready;
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const generation = this.generation;
    const { checked, reason } = this.decide(doc);
    const base = { uri, version, checked, reason, errors: 0, warnings: 0, infos: 0, ms: 0 };
    if (!checked) {
      if (this.published.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.cache.delete(uri);
      void this.connection.sendNotification(STATUS_NOTIFICATION, base satisfies StatusParams);
      return;
    }
    const entry = this.lintNow(doc);
    // Let queued requests and newer edits in before publishing; drop the result if it is stale.
    await new Promise((resolve) => setImmediate(resolve));
    const now = this.documents.get(uri);
    if (!now || now.version !== version || this.generation !== generation) return;
    // Findings recorded in the nearest xxgklint-baseline.json stay hidden, as with the CLI's --baseline.
    const ds = this.baselines.filter(uri, entry.result.report.lines, entry.result.diagnostics, (m) => this.connection.console.warn(m));
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: ds.map((d) => toLspDiagnostic(d, uri)) });
    const r = entry.result.report;
    const status: StatusParams = {
      ...base,
      profile: r.profile,
      profileName: builtInTemplates.get(r.profile).name,
      profileReason: r.profileReason,
      year: r.year,
      errors: ds.filter((d) => d.severity === 'error').length,
      warnings: ds.filter((d) => d.severity === 'warning').length,
      infos: ds.filter((d) => d.severity === 'info').length,
      ms: Math.round(entry.ms * 10) / 10,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Runs a handler; a throw is logged and answered with `fallback`, never fatal. */
  private guard<T>(what: string, fallback: T, f: () => T): T {
    try {
      return f();
    } catch (error) {
      this.connection.console.error(`xxgk-lint: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }
}
