// The contract between the language server and its clients: the language id,
// the settings section, the server's commands, and the custom request and
// notification with their data. Plain names and types only, importing nothing:
// the VS Code client imports this and nothing else from the server.
export * from './docx';
export * from './report-view';

/** The language of report files (`.xxgk`, `.xxgk.txt`), always checked. */
export const REPORT_LANGUAGE = 'xxgk-report';
/** Languages the server looks at: the report language, and Markdown and plain text that look like a report. */
export const CANDIDATE_LANGUAGES = [REPORT_LANGUAGE, 'markdown', 'plaintext'];
/** The settings section (`xxgkLint.enable`, `xxgkLint.profile`, …). */
export const SETTINGS_SECTION = 'xxgkLint';

/** Commands the server executes (`workspace/executeCommand`); the first argument is the document's URI unless said otherwise. */
export const ServerCommand = {
  checkAsReport: 'xxgk-lint.server.checkAsReport',
  fixAll: 'xxgk-lint.server.fixAll',
  /** "Not a report: stop checking this file"; checkAsReport undoes it. */
  notAReport: 'xxgk-lint.server.notAReport',
  docxToMarkdown: 'xxgk-lint.server.docxToMarkdown',
  checkDocx: 'xxgk-lint.server.checkDocx',
  fixDocx: 'xxgk-lint.server.fixDocx',
  /** `[docxUri, markdownAsOpened, editedMarkdown]` */
  saveMarkdownToDocx: 'xxgk-lint.server.saveMarkdownToDocx',
  /** `[year]`: the Markdown text of a new, empty report in the current template. */
  newReport: 'xxgk-lint.server.newReport',
} as const;

/** The result of `fixAll`. */
export interface FixAllResult {
  applied: boolean;
  /** Edits sent to the client. */
  edits: number;
}

/** Sent after every check: what the status item in the editor shows. */
export const STATUS_NOTIFICATION = 'xxgk/status';

export interface StatusParams {
  uri: string;
  version: number;
  checked: boolean;
  /** Why the document is (not) checked: `language`, `looks-like-report`, `forced`, `all`, `disabled`, `not-a-report`, `dismissed` (the user said it is not a report). */
  reason: string;
  /** The template version the report was checked against. */
  profile?: string;
  /** The template's `name` (zh and en), for the client to show in its own language. */
  profileName?: { zh: string; en: string };
  profileReason?: string;
  year?: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Milliseconds the check took. */
  ms: number;
}
