// The whole command: arguments, files, configs, checking, output, exit status.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { BaselineError } from '../baseline/baseline';
import type { Diagnostic, Lang } from '../core/types';
import { parseCli, UsageError, type CliOptions } from './args';
import { CliBaseline } from './baseline-file';
import { ResultCache } from './cache';
import type { CheckedResult, FileResult, FileTask } from './check-file';
import { ConfigError } from '../config/config-file';
import { ConfigResolver } from './config';
import { InputError } from './files';
import type { Formatter } from './formats/formatter';
import { htmlFormatter } from './formats/html';
import { jsonFormatter } from './formats/json';
import { sarifFormatter } from './formats/sarif';
import { textFormatter } from './formats/text';
import { HELP } from './help';
import { hierarchyDiagnostics } from './hierarchy';
import { fileSink, onBrokenPipe, stdoutSink, type Sink } from './output';
import { runTasks, startWorkers, stopWorkers } from './pool';
import { printConfig } from './print-config';
import { Progress } from './progress';
import { summaryLine, type Counts } from './summary';
import { buildTasks } from './tasks';
import { VERSION } from './version';

/** More files than this and the run goes parallel and shows progress by default. */
const MANY_FILES = 50;

export async function run(argv: string[]): Promise<number> {
  onBrokenPipe();
  let cli: CliOptions;
  let tasks: FileTask[];
  let lang: Lang;
  let hierarchy = new Map<string, Diagnostic[]>();
  let sink: Sink = stdoutSink;
  let baseline: CliBaseline | undefined;
  let cache: ResultCache | undefined;
  let workers: Worker[] = [];
  try {
    cli = parseCli(argv);
    if (cli.help || cli.version) {
      process.stdout.write(cli.help ? HELP : `${VERSION}\n`);
      return 0;
    }
    const configs = new ConfigResolver(cli.config);
    if (cli.printConfig !== undefined) {
      process.stdout.write(printConfig(cli, cli.printConfig, configs));
      return 0;
    }
    if (cli.baseline !== undefined || cli.updateBaseline) baseline = new CliBaseline(cli.baseline, cli.updateBaseline);
    // A cached result would hide what --fix has to write.
    if (cli.cache && !cli.fix) cache = new ResultCache(cli.cacheLocation);
    tasks = await buildTasks(cli, configs, { keys: !!baseline, excerpts: cli.format === 'html' }, cache, (count) => {
      workers = startWorkers(cli.jobs ?? (count > MANY_FILES ? availableParallelism() : 1));
    });
    lang = cli.lang ?? tasks[0]?.options.lang ?? 'zh';
    if (cli.outputFile !== undefined) {
      const file = fileSink(cli.outputFile);
      await file.ready.catch((e: NodeJS.ErrnoException) => {
        throw new InputError(`${cli.outputFile}: cannot write output: ${e.code ?? e.message}`);
      });
      sink = file.sink;
    }
    if (cli.hierarchy) hierarchy = await hierarchyDiagnostics(cli.hierarchy, tasks);
  } catch (e) {
    stopWorkers(workers);
    if (e instanceof UsageError || e instanceof InputError || e instanceof ConfigError || e instanceof BaselineError) {
      process.stderr.write(`xxgk-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const formatter = pickFormatter(cli.format, lang, cli.outputFile);
  const counts: Counts = { files: 0, error: 0, warning: 0, info: 0, fixed: 0, failed: 0, skipped: 0 };
  const notices: string[] = [];
  const progress = new Progress(tasks.length, !!process.stderr.isTTY && tasks.length > MANY_FILES);
  const say = (line: string) => {
    progress.clear();
    process.stderr.write(`xxgk-lint: ${line}\n`);
  };

  await sink.write(formatter.header());
  await runTasks(tasks, workers, async (r: FileResult) => {
    if ('error' in r) {
      counts.failed++;
      say(r.error);
      await sink.write(formatter.failed(r.path, r.error));
    } else if ('skipped' in r) {
      counts.skipped++;
      say(r.skipped);
    } else {
      const across = hierarchy.get(r.path);
      if (across) r.diagnostics = [...r.diagnostics, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      cache?.store(r);
      const shown = select(r, cli, baseline);
      counts.files++;
      if (r.fixed) counts.fixed++;
      for (const d of shown.diagnostics) counts[d.severity]++;
      for (const msg of r.notices) {
        say(msg);
        notices.push(msg);
      }
      const chunk = formatter.file(shown);
      if (chunk && sink.terminal) progress.clear();
      await sink.write(chunk);
    }
    progress.tick();
  });
  progress.clear();
  await sink.write(formatter.footer({ lang, notices, failed: counts.failed > 0 }));
  await sink.close();
  cache?.save();
  if (baseline && cli.updateBaseline) say(`${baseline.file}: recorded ${baseline.save()} findings`);
  if (cli.format === 'text' || cli.fix) process.stderr.write(`${summaryLine(counts, lang, cli.fix)}\n`);
  const tooManyWarnings = cli.maxWarnings !== undefined && counts.warning > cli.maxWarnings;
  if (tooManyWarnings) say(`too many warnings: ${counts.warning} (--max-warnings ${cli.maxWarnings})`);
  return counts.failed > 0 ? 2 : counts.error > 0 || tooManyWarnings ? 1 : 0;
}

/** The findings to show: those the baseline does not hide, and with --quiet only errors. */
function select(r: CheckedResult, cli: CliOptions, baseline: CliBaseline | undefined): CheckedResult {
  const hidden = baseline && r.keys ? baseline.hidden(r.path, r.keys) : undefined;
  const keep = r.diagnostics.map((d, i) => !hidden?.[i] && (!cli.quiet || d.severity === 'error'));
  if (keep.every(Boolean)) return r;
  const pick = <T>(list: T[] | undefined) => list?.filter((_, i) => keep[i]);
  return { ...r, diagnostics: pick(r.diagnostics)!, keys: pick(r.keys), excerpts: pick(r.excerpts) };
}

function pickFormatter(format: CliOptions['format'], lang: Lang, outputFile?: string): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter();
    case 'sarif':
      return sarifFormatter(lang);
    case 'html':
      return htmlFormatter(lang, outputFile);
    default:
      return textFormatter();
  }
}
