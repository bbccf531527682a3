// Report templates from a folder: every *.json file in it is one version,
// checked against schemas/template.schema.json. Adding a version is adding a
// file. Without a folder, the built-in templates (bundled with the code).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import schema from '../../../schemas/template.schema.json';
import { templateSet, type Template, type TemplateSet } from '../core/template';
import { builtInTemplates } from '../core/templates';

let validate: ReturnType<Ajv['compile']> | undefined;

/** The templates of `dir`; throws, naming the file, when one is not a template. */
export function loadTemplates(dir?: string): TemplateSet {
  if (dir === undefined) return builtInTemplates;
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return templateSet(
    files.map((f) => {
      const data: unknown = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      if (!validate!(data)) {
        const e = validate!.errors?.[0];
        throw new Error(`${f}: not a report template: ${e?.instancePath || '/'} ${e?.message ?? ''}`.trim());
      }
      return data as Template;
    }),
  );
}
