// The contract's JSON document: { version: 1, files: [{ path, profile, diagnostics }] }
// with LSP positions (0-based). One file per line, so the stream stays valid JSON
// and is still easy to grep.
import type { Diagnostic } from '../../core/types';
import type { Formatter } from './formatter';

export function jsonFormatter(): Formatter {
  let first = true;
  return {
    header: () => '{"version":1,"files":[',
    file: (f) => {
      const chunk = (first ? '\n' : ',\n') + JSON.stringify({ path: f.path, profile: f.profile, diagnostics: f.diagnostics.map(toJson) });
      first = false;
      return chunk;
    },
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
