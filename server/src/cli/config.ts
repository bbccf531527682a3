// .xxgklintrc.json: found upward from each file's folder (or given with
// --config), parsed as JSON (never executed) and checked against
// schemas/xxgklintrc.schema.json. Problems are ConfigErrors: one line naming the file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import schemaFile from '../../../schemas/xxgklintrc.schema.json';
import { PROFILE_CHOICES } from '../core/templates';
import type { Lang, ProfileId, SeveritySetting } from '../core/types';
import { knownRuleIds } from './severity';

export const CONFIG_NAME = '.xxgklintrc.json';

export interface Config {
  profile?: 'auto' | ProfileId;
  lang?: Lang;
  rules?: Record<string, SeveritySetting>;
}

export class ConfigError extends Error {}

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    // The rule list follows the running registry, so a rule that just landed is
    // accepted even if the schema file (for editors) has not caught up yet.
    // Likewise the template versions follow the loaded templates.
    const schema = structuredClone(schemaFile) as unknown as { properties: { rules: { properties: Record<string, unknown> }; profile: { enum: readonly string[] } } };
    const ref = { $ref: '#/definitions/severity' };
    schema.properties.rules.properties = Object.fromEntries(knownRuleIds().map((id) => [id, ref]));
    schema.properties.profile.enum = PROFILE_CHOICES;
    validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  }
  return validator(data) ? [] : validator.errors ?? [];
}

export function loadConfig(file: string, shown = file): Config {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${shown}: cannot read config: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new ConfigError(`${shown}: not valid JSON: ${jsonProblem(raw, e as Error)}`);
  }
  const errors = validate(data);
  if (errors.length) throw new ConfigError(`${shown}: ${describe(errors[0])}`);
  return data as Config;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'the top level';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      if (e.instancePath === '/rules') return `unknown rule id "${key}" in rules (known: ${knownRuleIds().join(', ')})`;
      return `unknown key "${key}" at ${where} (allowed: profile, lang, rules)`;
    }
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where} must be ${(e.params as { type: string }).type === 'object' ? 'an object' : `a ${(e.params as { type: string }).type}`}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function jsonProblem(raw: string, e: Error): string {
  const first = e.message.split('\n')[0];
  const m = /position (\d+)/.exec(e.message);
  if (!m) return first;
  const at = Number(m[1]);
  const before = raw.slice(0, at).split(/\r\n|\r|\n/);
  return `${first.replace(/,? ?"[^"]*" is not valid JSON$/, '')} (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

/** Finds the nearest config upward from folders, remembering every folder it has looked at. */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, Config>();

  constructor(private readonly explicit?: string) {
    if (explicit) {
      if (!existsSync(explicit) || !statSync(explicit).isFile()) throw new ConfigError(`${explicit}: config file not found`);
      this.loaded.set(explicit, loadConfig(explicit));
    }
  }

  /** The config for a file, with the path it came from; `{}` when there is none. */
  forFile(file: string): { config: Config; path?: string } {
    if (this.explicit) return { config: this.loaded.get(this.explicit)!, path: this.explicit };
    const found = this.find(dirname(resolve(file)));
    if (!found) return { config: {} };
    let config = this.loaded.get(found);
    if (!config) {
      config = loadConfig(found, shownPath(found));
      this.loaded.set(found, config);
    }
    return { config, path: found };
  }

  private find(dir: string): string | null {
    const seen: string[] = [];
    let result: string | null = null;
    for (let d = dir; ; ) {
      const cached = this.byDir.get(d);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      seen.push(d);
      const candidate = join(d, CONFIG_NAME);
      if (existsSync(candidate)) {
        result = candidate;
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const d of seen) this.byDir.set(d, result);
    return result;
  }
}

function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}
