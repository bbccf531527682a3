// The data of the Word-file commands (ServerCommand.docxToMarkdown, checkDocx,
// fixDocx, saveMarkdownToDocx).

export interface DocxResult {
  markdown?: string;
  warnings: string[];
  error?: string;
}

export interface DocxFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Where it is in the Word file. */
  place: string;
}

export interface DocxCheckResult {
  findings: DocxFinding[];
  error?: string;
}

export interface DocxWriteResult {
  /** Cells written. */
  cells: number;
  /** Changes that could not be written, by Word place. */
  left: string[];
  error?: string;
}
