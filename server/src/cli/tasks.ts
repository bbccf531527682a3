// From the command line to the list of file tasks: the files (or standard
// input), the config of each, last year's report for carried-over and copied-text, what the
// output needs from each file, and the cache probe.
import { resolve } from 'node:path';
import type { Lang, LintOptions } from '../core/types';
import type { CliOptions } from './args';
import type { ResultCache } from './cache';
import type { FileTask, Want } from './check-file';
import type { Config } from '../config/config-file';
import type { ConfigResolver } from './config';
import { expandInputs } from './files';
import { LAST_YEAR_RULES } from '../rules';
import { pairWithPrevious } from './previous';

/** `onFiles` hears how many files there are as soon as that is known, before last year's reports are paired. */
export async function buildTasks(cli: CliOptions, configs: ConfigResolver, want: Want, cache: ResultCache | undefined, onFiles: (count: number) => void): Promise<FileTask[]> {
  const common = { fix: cli.fix, dryRun: cli.fixDryRun, want: want.keys || want.excerpts ? want : undefined };
  if (cli.stdin) {
    const path = cli.stdinFilename ?? '<stdin>';
    // The config is looked up from where the file would be (the current folder for plain <stdin>).
    const config = configs.forFile(cli.stdinFilename ? resolve(path) : resolve('stdin.txt')).config;
    onFiles(1);
    return [{ ...common, path, explicit: true, bytes: await readStdin(), options: lintOptions(cli, config) }];
  }
  // One options object per config file, not per report: a batch of a million files stays small.
  const byConfig = new Map<string, FileTask['options']>();
  const optionsFor = (file: string) => {
    const { config, path = '' } = configs.forFile(file);
    return byConfig.get(path) ?? byConfig.set(path, lintOptions(cli, config)).get(path)!;
  };
  const tasks: FileTask[] = expandInputs(cli.inputs).map((f) => ({ ...common, path: f.path, explicit: f.explicit, options: optionsFor(f.path) }));
  onFiles(tasks.length);
  if (tasks.length > 1 && tasks.some((t) => LAST_YEAR_RULES.some((id) => t.options.rules?.[id] !== 'off'))) {
    const pairs = await pairWithPrevious(tasks.map((t) => t.path));
    for (const t of tasks) t.previous = pairs.get(t.path);
  }
  if (cache) for (const t of tasks) t.cached = cache.probe(t);
  return tasks;
}

/** Config first, then the command line on top. */
function lintOptions(cli: CliOptions, config: Config): FileTask['options'] {
  return {
    profile: cli.profile ?? config.profile ?? 'auto',
    lang: cli.lang ?? config.lang ?? ('zh' as Lang),
    rules: { ...config.rules, ...cli.rules } as LintOptions['rules'],
  };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
