// SARIF 2.1.0 for code-scanning tools: one run, every rule with its docs page
// as helpUri, results with 1-based regions whose columns count UTF-16 code
// units (SARIF's default columnKind, the same unit as LSP characters).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Lang, Range, Severity } from '../../core/types';
import { allRules } from '../../rules';
import { INFO_URI, TOOL_NAME, VERSION } from '../version';
import type { Formatter } from './formatter';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifFormatter(lang: Lang): Formatter {
  const ids = allRules.map((r) => r.id);
  const descriptors = allRules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description[lang] },
    fullDescription: { text: `${r.description.zh} / ${r.description.en}` },
    helpUri: r.docs,
    help: { text: `${r.description[lang]} — ${r.docs}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  let first = true;
  const unreadable: { level: 'error'; message: { text: string }; locations: object[] }[] = [];
  return {
    header: () => {
      const tool = { driver: { name: TOOL_NAME, version: VERSION, semanticVersion: VERSION, informationUri: INFO_URI, rules: descriptors } };
      // The results array stays open: results stream in, the footer closes it.
      return `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":${JSON.stringify(tool)},"columnKind":"utf16CodeUnits","results":[`;
    },
    file: (f) => {
      const uri = toUri(f.path);
      return f.diagnostics
        .map((d) => {
          const chunk = (first ? '\n' : ',\n') + JSON.stringify(result(d, uri, ids));
          first = false;
          return chunk;
        })
        .join('');
    },
    // Listed with its file as a tool execution notification (code scanning shows them as the run's problems).
    failed: (path, error) => {
      unreadable.push({ level: 'error', message: { text: error }, locations: [{ physicalLocation: { artifactLocation: { uri: toUri(path) } } }] });
      return '';
    },
    footer: (info) =>
      '\n],"invocations":' +
      JSON.stringify([
        {
          executionSuccessful: !info.failed,
          toolExecutionNotifications: [...unreadable, ...info.notices.map((text) => ({ level: 'error', message: { text } }))],
        },
      ]) +
      '}]}\n',
  };
}

function result(d: Diagnostic, uri: string, ids: string[]) {
  const index = ids.indexOf(d.rule);
  return {
    ruleId: d.rule,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [location(uri, d.range)],
    ...(d.related.length
      ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, ...location(r.uri ? toUri(r.uri) : uri, r.range) })) }
      : {}),
    ...(d.fixes.length
      ? {
          fixes: d.fixes.map((f) => ({
            description: { text: f.title },
            artifactChanges: [
              { artifactLocation: { uri }, replacements: f.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) },
            ],
            ...(f.suggestionOnly ? { properties: { suggestionOnly: true } } : {}),
          })),
        }
      : {}),
  };
}

function location(uri: string, r: Range) {
  return { physicalLocation: { artifactLocation: { uri }, region: region(r) } };
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Relative paths stay relative (code scanning resolves them against the checkout). */
export function toUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return path;
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}
