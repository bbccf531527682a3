// The one list of file extensions a folder or a glob picks up. A file named
// explicitly on the command line is read whatever its extension.
export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'];

export function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
