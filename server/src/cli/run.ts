// The whole command: arguments, files, configs, checking, output, exit status.
import { availableParallelism } from 'node:os';
import type { Diagnostic, Lang, LintOptions } from '../core/types';
import { LAST_YEAR_RULES } from '../rules';
import { parseCli, UsageError, type CliOptions } from './args';
import type { FileTask } from './check-file';
import { ConfigError, ConfigResolver } from './config';
import { expandInputs, InputError } from './files';
import type { Formatter } from './formats/formatter';
import { jsonFormatter } from './formats/json';
import { sarifFormatter } from './formats/sarif';
import { textFormatter } from './formats/text';
import { HELP } from './help';
import { hierarchyDiagnostics } from './hierarchy';
import { onBrokenPipe, write } from './output';
import { pairWithPrevious } from './previous';
import { runTasks } from './pool';
import { Progress } from './progress';
import { summaryLine, type Counts } from './summary';
import { VERSION } from './version';

/** More files than this and the run goes parallel and shows progress by default. */
const MANY_FILES = 50;

export async function run(argv: string[]): Promise<number> {
  onBrokenPipe();
  let cli: CliOptions;
  let tasks: FileTask[];
  let lang: Lang;
  let hierarchy = new Map<string, Diagnostic[]>();
  try {
    cli = parseCli(argv);
    if (cli.help || cli.version) {
      process.stdout.write(cli.help ? HELP : `${VERSION}\n`);
      return 0;
    }
    const files = expandInputs(cli.inputs);
    const configs = new ConfigResolver(cli.config);
    tasks = files.map((f) => ({ path: f.path, explicit: f.explicit, options: lintOptions(cli, configs.forFile(f.path).config), fix: cli.fix }));
    lang = cli.lang ?? tasks[0]?.options.lang ?? 'zh';
    if (tasks.length > 1 && tasks.some((t) => LAST_YEAR_RULES.some((id) => t.options.rules?.[id] !== 'off'))) {
      const pairs = await pairWithPrevious(tasks.map((t) => t.path));
      for (const t of tasks) t.previous = pairs.get(t.path);
    }
    if (cli.hierarchy) hierarchy = await hierarchyDiagnostics(cli.hierarchy, tasks);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof ConfigError) {
      process.stderr.write(`xxgk-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const formatter = pickFormatter(cli.format, lang);
  const counts: Counts = { files: 0, error: 0, warning: 0, info: 0, fixed: 0, failed: 0, skipped: 0 };
  const notices: string[] = [];
  const progress = new Progress(tasks.length, !!process.stderr.isTTY && tasks.length > MANY_FILES);
  const jobs = cli.jobs ?? (tasks.length > MANY_FILES ? availableParallelism() : 1);

  await write(formatter.header());
  // The bar is wiped only when a line is about to land on the same terminal.
  const toTerminal = !!process.stdout.isTTY;
  await runTasks(tasks, jobs, async (r) => {
    if ('error' in r) {
      progress.clear();
      counts.failed++;
      process.stderr.write(`xxgk-lint: ${r.error}\n`);
      notices.push(r.error);
    } else if ('skipped' in r) {
      progress.clear();
      counts.skipped++;
      process.stderr.write(`xxgk-lint: ${r.skipped}\n`);
    } else {
      const across = hierarchy.get(r.path);
      if (across) r.diagnostics = [...r.diagnostics, ...across].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      counts.files++;
      if (r.fixed) counts.fixed++;
      for (const d of r.diagnostics) counts[d.severity]++;
      for (const msg of r.notices) {
        progress.clear();
        process.stderr.write(`xxgk-lint: ${msg}\n`);
        notices.push(msg);
      }
      const chunk = formatter.file(r);
      if (chunk && toTerminal) progress.clear();
      await write(chunk);
    }
    progress.tick();
  });
  progress.clear();
  await write(formatter.footer({ lang, notices, failed: counts.failed > 0 }));
  if (cli.format === 'text' || cli.fix) process.stderr.write(`${summaryLine(counts, lang, cli.fix)}\n`);
  return counts.failed > 0 ? 2 : counts.error > 0 ? 1 : 0;
}

/** Config first, then the command line on top. */
function lintOptions(cli: CliOptions, config: { profile?: LintOptions['profile']; lang?: Lang; rules?: LintOptions['rules'] }): FileTask['options'] {
  return {
    profile: cli.profile ?? config.profile ?? 'auto',
    lang: cli.lang ?? config.lang ?? 'zh',
    rules: { ...config.rules, ...cli.rules },
  };
}

function pickFormatter(format: CliOptions['format'], lang: Lang): Formatter {
  return format === 'json' ? jsonFormatter() : format === 'sarif' ? sarifFormatter(lang) : textFormatter();
}
