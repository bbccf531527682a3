// The language server's behaviour on a connection: documents, debounced and
// versioned linting, settings, and the feature handlers. server.ts only wires
// it to stdio.
//
// Each document version is analysed once, on the checking thread (checker.ts);
// diagnostics, hover, code actions and fix-all all read that analysis. Hover,
// symbols and folding answer at once from the last one, even while a newer
// version is being checked; code actions and the report view, whose edits and
// cell selections must fit the text as it is, wait for the current version's
// (the client asks for the view after each check, when it is there already).
import {
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type TextEdit,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lenientConfig } from '../config/config-file';
import { describe } from '../core/cross-year';
import { looksLikeReport } from '../core/detect';
import type { Analysis } from '../engine/lint';
import { builtInTemplates } from '../core/templates';
import { LAST_YEAR_RULES } from '../rules';
import { hierarchySum } from '../rules/hierarchy-sum';
import type { LintOptions } from '../core/types';
import { asksForFixAll, codeActions, fixAllAction, fixAllTitle, notAReportAction, wants, type FixAllData } from './actions';
import { Checker } from './checker';
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
  /** The config file's settings the analysis was computed with. */
  rcKey: string;
  analysis: Analysis;
}

/** A request waiting for the analysis of a version (or a newer one). */
interface Waiter {
  version: number;
  resolve: (a: Analysis | undefined) => void;
}

export class XxgkServer {
  readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = defaultSettings;
  /** Bumped when the settings change, so cached results are recomputed. */
  private generation = 0;
  /** Each document's last analysis. */
  private cache = new Map<string, Cached>();
  private waiters = new Map<string, Waiter[]>();
  private readonly checker: Checker;
  /** The client fills in an action's edits on codeAction/resolve. */
  private resolvesEdits = false;
  /** Last year's reports in the workspace, for carried-over. */
  private lastYear = new LastYearReports();
  /** The workspace's xxgk-hierarchy.json, for hierarchy-sum. */
  private hierarchy = new WorkspaceHierarchy();
  private timers = new Map<string, NodeJS.Timeout>();
  private looks = new Map<string, { version: number; looks: boolean }>();
  /** The version of each document whose check is under way. */
  private inFlight = new Map<string, number>();
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
    this.checker = new Checker((m) => connection.console.error(m));
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
      this.looks.delete(uri);
      this.forced.delete(uri);
      this.settle(uri, Infinity, undefined);
      if (this.published.delete(uri)) c.sendDiagnostics({ uri, diagnostics: [] });
    });

    c.onHover((p) =>
      this.guard('hover', null, async () => {
        const r = await this.lastAnalysis(p.textDocument.uri);
        const h = r && hoverAt(r, p.position, this.settings.lang);
        return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: h.range } : null;
      }),
    );
    c.onDocumentSymbol((p) => this.guard('documentSymbol', [], async () => {
      const r = await this.lastAnalysis(p.textDocument.uri);
      return r ? documentSymbols(r.report, this.settings.lang, this.documents.get(p.textDocument.uri)?.languageId === 'markdown') : [];
    }));
    c.onFoldingRanges((p) => this.guard('foldingRange', [], async () => {
      const r = await this.lastAnalysis(p.textDocument.uri);
      return r ? foldingRanges(r.report) : [];
    }));
    c.onCodeAction((p) => this.guard('codeAction', [] as CodeAction[], async () => {
      const r = await this.currentAnalysis(p.textDocument.uri);
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc || !r) return [];
      const lang = this.settings.lang;
      const actions = codeActions(doc.uri, r, p.range, p.context, lang);
      // Fix-all's edits now when asked for by kind (on save) or when the client cannot resolve them later.
      const fixAll = actions.find((a) => a.kind === FIX_ALL_KIND);
      if (fixAll && (asksForFixAll(p.context) || !this.resolvesEdits)) {
        const edits = await this.fixAllEdits(doc.uri);
        actions.splice(actions.indexOf(fixAll), 1, ...(edits ? [fixAllAction(doc.uri, lang, edits)] : []));
      }
      // Checked only because it looked like a report: let the writer say it is not one.
      const guessed = ['looks-like-report', 'all'].includes(this.decide(doc).reason);
      return guessed && wants(p.context.only, 'quickfix') && p.context.diagnostics.some((d) => d.source === SOURCE) ? [...actions, notAReportAction(doc.uri, lang)] : actions;
    }));
    // Fix-all chosen from the quick-fix menu: its edits, computed only now.
    c.onCodeActionResolve((a) => this.guard('codeAction/resolve', a, async () => {
      const uri = (a.data as FixAllData | undefined)?.fixAll;
      const edits = uri ? await this.fixAllEdits(uri) : undefined;
      return edits ? fixAllAction(uri!, this.settings.lang, edits) : a;
    }));
    // The tables as grids for a report view; null when the document is not checked.
    c.onRequest(REPORT_VIEW_REQUEST, (p: ReportViewParams) => this.guard('reportView', null, async () => {
      const r = await this.currentAnalysis(p.textDocument.uri);
      return r ? reportView(r, this.settings.lang) : null;
    }));
    c.onExecuteCommand((p) => this.guard('executeCommand', null, () => this.command(p.command, p.arguments ?? [])));
    c.onShutdown(() => this.checker.dispose());
  }

  private initialize(p: InitializeParams): InitializeResult {
    const ws = p.capabilities.workspace;
    this.pullConfiguration = !!ws?.configuration;
    this.dynamicConfiguration = !!ws?.didChangeConfiguration?.dynamicRegistration;
    this.resolvesEdits = !!p.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
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
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
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

  private async command(command: string, args: unknown[]): Promise<unknown> {
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
      const r = await this.currentAnalysis(doc.uri);
      return { diagnostics: r?.diagnostics.length ?? 0, profile: r?.report.profile };
    }
    if (command === ServerCommand.fixAll) {
      this.forced.add(doc.uri);
      const edits = await this.fixAllEdits(doc.uri);
      if (!edits) return { applied: false, edits: 0 };
      return this.connection.workspace.applyEdit({ label: fixAllTitle(this.settings.lang), edit: { changes: { [doc.uri]: edits } } }).then(
        (r): FixAllResult => ({ applied: r.applied, edits: edits.length }),
        (): FixAllResult => ({ applied: false, edits: edits.length }),
      );
    }
    return null;
  }

  // ---- checking ----------------------------------------------------------------

  /** The settings for one document: the editor's, over the nearest .xxgklintrc.json. */
  private settingsFor(uri: string): { settings: Settings; rcKey: string } {
    const found = this.rc.forUri(uri);
    // A bad config file is left out with a warning (once), as the command line would refuse it.
    const rc = found && lenientConfig(found, (message) => {
      if (this.rcErrors.has(message)) return;
      this.rcErrors.add(message);
      this.connection.console.warn(`xxgk-lint: ${message}`);
    });
    return { settings: withRc(this.settings, rc), rcKey: found ? JSON.stringify(found) : '' };
  }

  private options(uri: string): LintOptions {
    const options = lintOptions(this.settingsFor(uri).settings, (rule, error) =>
      this.connection.console.error(`xxgk-lint: rule ${rule} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    );
    const doc = this.documents.get(uri);
    const wanted = LAST_YEAR_RULES.some((id) => options.rules?.[id] !== 'off');
    // Agency and year from the last analysis: they hardly change while typing, and reading them again costs a pass over the text.
    const known = (u: string) => {
      const a = this.cache.get(u)?.analysis;
      return a && describe(u, a.report);
    };
    const previous = doc && wanted ? this.lastYear.find(uri, doc.getText(), this.documents.all(), known) : undefined;
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
    return this.looksLikeReport(doc) ? { checked: true, reason: 'looks-like-report' } : { checked: false, reason: 'not-a-report' };
  }

  /** Whether the document looks like a report, read once per version (every request asks). */
  private looksLikeReport(doc: TextDocument): boolean {
    const hit = this.looks.get(doc.uri);
    if (hit?.version === doc.version) return hit.looks;
    const looks = looksLikeReport(doc.getText());
    this.looks.set(doc.uri, { version: doc.version, looks });
    return looks;
  }

  /** The document's last analysis, whatever version it is of; the first one is waited for. */
  private async lastAnalysis(uri: string): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !this.decide(doc).checked) return undefined;
    return this.cache.get(uri)?.analysis ?? this.currentAnalysis(uri);
  }

  /** The analysis of the document as it is now: at once when it is there, else after its check (started now). */
  private currentAnalysis(uri: string): Promise<Analysis | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !this.decide(doc).checked) return Promise.resolve(undefined);
    const hit = this.cache.get(uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation && hit.rcKey === this.settingsFor(uri).rcKey) return Promise.resolve(hit.analysis);
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version: doc.version, resolve });
      this.waiters.set(uri, list);
      if (this.inFlight.get(uri) !== doc.version) this.schedule(uri, 0);
    });
  }

  /** Answers the requests waiting for `version` of `uri` or an older one. */
  private settle(uri: string, version: number, analysis: Analysis | undefined): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    for (const w of list.filter((x) => x.version <= version)) w.resolve(analysis);
    const rest = list.filter((x) => x.version > version);
    if (rest.length) this.waiters.set(uri, rest);
    else this.waiters.delete(uri);
  }

  /** Fix-all's edits for the document as it is now, computed on the checking thread; undefined when nothing changes. */
  private async fixAllEdits(uri: string): Promise<TextEdit[] | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const { onRuleError: _, ...options } = this.options(uri);
    const fix = await this.checker.fixAll(uri, doc.version, doc.getText(), options);
    return fix.changed && fix.edits.length ? fix.edits : undefined;
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.check(uri).catch((error) => {
          this.connection.console.error(`xxgk-lint: check failed: ${String(error?.stack ?? error)}`);
          this.settle(uri, Infinity, undefined);
        });
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
      this.settle(uri, Infinity, undefined);
      void this.connection.sendNotification(STATUS_NOTIFICATION, base satisfies StatusParams);
      return;
    }
    const { rcKey } = this.settingsFor(uri);
    const options = this.options(uri);
    const { onRuleError: _, ...plain } = options;
    this.inFlight.set(uri, version);
    const done = await this.checker.lint(uri, version, doc.getText(), plain).finally(() => {
      if (this.inFlight.get(uri) === version) this.inFlight.delete(uri);
    });
    // A newer version's check took this one's place.
    if (!done) return;
    const { analysis, ms } = done;
    const across = this.guard(hierarchySum.id, [], () => this.hierarchy.check(uri, analysis.report, this.documents.all(), options));
    if (across.length) analysis.diagnostics = [...analysis.diagnostics, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    // Kept as the last analysis unless a newer one got there first.
    if ((this.cache.get(uri)?.version ?? -1) <= version) this.cache.set(uri, { version, generation, rcKey, analysis });
    this.settle(uri, version, analysis);
    // Never published over a newer version or newer settings.
    const now = this.documents.get(uri);
    if (!now || now.version !== version || this.generation !== generation) return;
    // Findings recorded in the nearest xxgklint-baseline.json stay hidden, as with the CLI's --baseline.
    const ds = this.baselines.filter(uri, analysis.report.lines, analysis.diagnostics, (m) => this.connection.console.warn(m));
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: ds.map((d) => toLspDiagnostic(d, uri)) });
    const r = analysis.report;
    const status: StatusParams = {
      ...base,
      profile: r.profile,
      profileName: builtInTemplates.get(r.profile).name,
      profileReason: r.profileReason,
      year: r.year,
      errors: ds.filter((d) => d.severity === 'error').length,
      warnings: ds.filter((d) => d.severity === 'warning').length,
      infos: ds.filter((d) => d.severity === 'info').length,
      ms: Math.round(ms * 10) / 10,
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Runs a handler; a throw (or a rejection) is logged and answered with `fallback`, never fatal. */
  private guard<T>(what: string, fallback: T, f: () => T): T;
  private guard<T>(what: string, fallback: T, f: () => Promise<T>): Promise<T>;
  private guard<T>(what: string, fallback: T, f: () => T | Promise<T>): T | Promise<T> {
    const log = (error: unknown) => {
      this.connection.console.error(`xxgk-lint: ${what} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    };
    try {
      const r = f();
      return r instanceof Promise ? r.catch(log) : r;
    } catch (error) {
      return log(error);
    }
  }
}
