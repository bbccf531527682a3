// Validators for the CLI's outputs: the contract's JSON shape, and SARIF 2.1.0
// against the official schema shipped by @microsoft/jest-sarif (draft-04,
// loaded into ajv 8 after renaming its top-level `id`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT } from './run-cli';

const SARIF_SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function ajv(): Ajv {
  // The SARIF schema's language pattern is not valid with the u flag.
  const a = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // RFC 3986 characters only, percent signs followed by two hex digits.
  const uriRef = (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s);
  a.addFormat('uri-reference', uriRef);
  a.addFormat('uri', (s) => uriRef(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  a.addFormat('date-time', (s) => !Number.isNaN(Date.parse(s)));
  return a;
}

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  return ajv().compile(schema);
}

const position = {
  type: 'object',
  additionalProperties: false,
  required: ['line', 'character'],
  properties: { line: { type: 'integer', minimum: 0 }, character: { type: 'integer', minimum: 0 } },
};
const range = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: { start: position, end: position },
};

/** The `--format json` document of the contract (suggestionOnly, output and {path, error} entries are the optional additions). */
export const contractSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'files'],
  properties: {
    version: { const: 1 },
    files: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'diagnostics'],
        // A checked file has its profile; one that could not be checked its error (and no diagnostics).
        oneOf: [{ required: ['profile'], not: { required: ['error'] } }, { required: ['error'], properties: { diagnostics: { maxItems: 0 } } }],
        properties: {
          path: { type: 'string', minLength: 1 },
          profile: { enum: ['2019', '2021'] },
          error: { type: 'string', minLength: 1 },
          // --fix-dry-run: the fixed text.
          output: { type: 'string' },
          diagnostics: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['rule', 'severity', 'message', 'range', 'related', 'fixes'],
              properties: {
                rule: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
                severity: { enum: ['error', 'warning', 'info'] },
                message: { type: 'string', minLength: 1 },
                range,
                related: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['message', 'range'],
                    properties: { message: { type: 'string' }, range, uri: { type: 'string' } },
                  },
                },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['title', 'isPreferred', 'edits'],
                    properties: {
                      title: { type: 'string', minLength: 1 },
                      isPreferred: { type: 'boolean' },
                      suggestionOnly: { const: true },
                      edits: {
                        type: 'array',
                        items: {
                          type: 'object',
                          additionalProperties: false,
                          required: ['range', 'newText'],
                          properties: { range, newText: { type: 'string' } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

export function contractValidator() {
  return ajv().compile(contractSchema);
}
