// The one list of report file extensions: what the command line's folder walk
// and globs pick up, and what the editor looks through for last year's report.
// A file named explicitly on the command line is read whatever its extension.
export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.xxgk', '.html', '.htm', '.docx'];
/** Converted before they are read (sources of their own); the rest are text as they are. */
const CONVERTED = ['.docx'];

export function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A report file whose bytes are its text (decoded), with nothing to convert. */
export function isTextReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return isReportFile(lower) && !CONVERTED.some((ext) => lower.endsWith(ext));
}
