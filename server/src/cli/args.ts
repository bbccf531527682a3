// Command-line parsing. Every mistake is a UsageError (exit 2, one line).
import { parseArgs } from 'node:util';
import { PROFILE_CHOICES } from '../core/templates';
import type { Lang, ProfileId, SeveritySetting } from '../core/types';
import { isSeverity, knownRuleIds, SEVERITIES } from '../config/severity';

export type Format = 'text' | 'json' | 'sarif' | 'html';

export interface CliOptions {
  inputs: string[];
  format: Format;
  fix: boolean;
  profile?: 'auto' | ProfileId;
  lang?: Lang;
  rules: Record<string, SeveritySetting>;
  config?: string;
  /** A JSON file mapping summary reports to their units' reports (hierarchy-sum). */
  hierarchy?: string;
  /** Undefined: decide from the number of files. */
  jobs?: number;
  /** Write the report here instead of stdout. */
  outputFile?: string;
  /** Errors only: warnings and info are neither shown nor counted. */
  quiet: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Compute the fixes, write nothing; JSON carries each fixed text as `output`. */
  fixDryRun: boolean;
  /** Print the configuration that applies to this file and stop. */
  printConfig?: string;
  cache: boolean;
  cacheLocation?: string;
  /** Read one report from standard input. */
  stdin: boolean;
  stdinFilename?: string;
  baseline?: string;
  updateBaseline: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        profile: { type: 'string' },
        lang: { type: 'string' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        hierarchy: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        'fix-dry-run': { type: 'boolean' },
        'print-config': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // parseArgs messages are long and can span lines; the contract wants one short line.
    const m = /^Unknown option '([^']+)'/.exec((e as Error).message) ?? /^Option '(-[^']+)' argument missing/.exec((e as Error).message);
    if (m) throw new UsageError(`${/^Unknown/.test((e as Error).message) ? 'unknown option' : 'missing value for'} ${/--[a-z-]+/.exec(m[1])?.[0] ?? m[1]} (see --help)`);
    throw new UsageError(String((e as Error).message).split('\n')[0]);
  }
  const v = parsed.values;
  const options: CliOptions = {
    inputs: parsed.positionals,
    format: oneOf('--format', v.format ?? 'text', ['text', 'json', 'sarif', 'html'] as const),
    fix: v.fix ?? false,
    profile: v.profile === undefined ? undefined : oneOf('--profile', v.profile, PROFILE_CHOICES),
    lang: v.lang === undefined ? undefined : oneOf('--lang', v.lang, ['zh', 'en'] as const),
    rules: parseRules(v.rule ?? []),
    config: v.config,
    hierarchy: v.hierarchy,
    jobs: v.jobs === undefined ? undefined : parseJobs(v.jobs),
    outputFile: v['output-file'],
    quiet: v.quiet ?? false,
    maxWarnings: v['max-warnings'] === undefined ? undefined : parseCount('--max-warnings', v['max-warnings']),
    fixDryRun: v['fix-dry-run'] ?? false,
    printConfig: v['print-config'],
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    baseline: v.baseline,
    updateBaseline: v['update-baseline'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
  if (options.help || options.version || options.printConfig !== undefined) return options;
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.stdin) {
    if (options.inputs.length) throw new UsageError('--stdin reads one report from standard input: give no files with it');
    if (options.fix) throw new UsageError('--fix cannot write to standard input: use --fix-dry-run --format json to get the fixed text');
  } else {
    if (options.stdinFilename !== undefined) throw new UsageError('--stdin-filename needs --stdin');
    if (options.inputs.length === 0) throw new UsageError('no input: give at least one file, folder or glob (see --help)');
  }
  return options;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function parseRules(specs: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  const known = knownRuleIds();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) throw new UsageError(`--rule expects <id>=<severity>, not "${spec}"`);
    const id = spec.slice(0, eq).trim();
    const sev = spec.slice(eq + 1).trim();
    if (!known.includes(id)) throw new UsageError(`--rule: unknown rule id "${id}" (known: ${known.join(', ')})`);
    if (!isSeverity(sev)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not "${sev}"`);
    out[id] = sev;
  }
  return out;
}

function parseCount(flag: string, s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number of 0 or more, not "${s}"`);
  return n;
}

function parseJobs(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${s}"`);
  return n;
}
