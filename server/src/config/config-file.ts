// .xxgklintrc.json: parsed as JSON (never executed) and checked against
// schemas/xxgklintrc.schema.json, every problem said in one line naming the
// file. The command line and the editor read it alike and differ only in what
// a bad file does (see `strictConfig` and `lenientConfig`).
import Ajv, { type ErrorObject } from 'ajv';
import schemaFile from '../../../schemas/xxgklintrc.schema.json';
import type { Lang, ProfileId, SeveritySetting } from '../core/types';
import { knownRuleIds } from './severity';

export const CONFIG_NAME = '.xxgklintrc.json';

export interface Config {
  profile?: 'auto' | ProfileId;
  lang?: Lang;
  rules?: Record<string, SeveritySetting>;
}

/** A config file as read: its settings, or the one line that says what is wrong with it. */
export interface ConfigFile {
  file: string;
  config: Config;
  error?: string;
}

export class ConfigError extends Error {}

/** The command line's way: a bad config file stops the run (exit 2) with its one line. */
export function strictConfig(f: ConfigFile): Config {
  if (f.error) throw new ConfigError(f.error);
  return f.config;
}

/** The editor's way: a bad config file is left out, and `warn` says why; checking goes on. */
export function lenientConfig(f: ConfigFile, warn: (message: string) => void): Config {
  if (f.error) warn(`ignoring ${f.error}`);
  return f.error ? {} : f.config;
}

/** Reads a config file's text; `shown` is how the file is named in the message. */
export function parseConfig(raw: string, shown: string): ConfigFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { file: shown, config: {}, error: `${shown}: not valid JSON: ${jsonProblem(text, e as Error)}` };
  }
  const errors = validate(data);
  return errors.length ? { file: shown, config: {}, error: `${shown}: ${describe(errors[0])}` } : { file: shown, config: data as Config };
}

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  // The schema's rule ids and versions are written from the registry and the
  // templates by `npm run gen` (a test fails when they are behind).
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(schemaFile);
  return validator(data) ? [] : validator.errors ?? [];
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
