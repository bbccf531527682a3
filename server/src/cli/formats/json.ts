// The contract's JSON document: { version: 1, files: [{ path, profile, diagnostics }] }
// with LSP positions (0-based); a file that could not be checked is
// { path, error, diagnostics: [] }. One file per line, so the stream stays valid JSON
// and is still easy to grep.
import type { Diagnostic } from '../../core/types';
import type { Formatter } from './formatter';

export function jsonFormatter(): Formatter {
  let first = true;
  const line = (entry: object) => {
    const chunk = (first ? '\n' : ',\n') + JSON.stringify(entry);
    first = false;
    return chunk;
  };
  return {
    header: () => '{"version":1,"files":[',
    file: (f) => line({ path: f.path, profile: f.profile, diagnostics: f.diagnostics.map(toJson), ...(f.output !== undefined ? { output: f.output } : {}) }),
    // An empty diagnostics list too, so a reader that walks every file's diagnostics still works.
    failed: (path, error) => line({ path, error, diagnostics: [] }),
    footer: () => '\n]}\n',
  };
}

/** Only the contract's fields, in its order (the core's `data` stays internal). */
export function toJson(d: Diagnostic) {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: d.range,
    // A converted file (.docx): where the range is in the original, e.g. `表3 第5行 第2列`.
    ...(typeof d.data?.place === 'string' ? { place: d.data.place } : {}),
    related: d.related.map((r) => ({ message: r.message, range: r.range, ...(r.uri ? { uri: r.uri } : {}) })),
    fixes: d.fixes.map((f) => ({
      title: f.title,
      isPreferred: f.isPreferred ?? false,
      edits: f.edits.map((e) => ({ range: e.range, newText: e.newText })),
      // Consumers that apply fixes must know which ones are only suggestions (balance).
      ...(f.suggestionOnly ? { suggestionOnly: true } : {}),
    })),
  };
}
