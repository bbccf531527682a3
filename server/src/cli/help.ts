// The --help text.
import { PROFILE_CHOICES } from '../core/templates';
import { REPORT_EXTENSIONS } from '../sources/extensions';

export const HELP = `Usage: xxgk-lint [options] <file|dir|glob>...

Checks 政府信息公开工作年度报告 (government information-disclosure annual reports):
the six sections, the statistical tables and their sums.

Options:
  --format text|json|sarif|html  output format (default text: file:line:col severity rule message;
                             html: a self-contained review page with a summary, filters and search)
  -o, --output-file <file>   write the output to this file instead of stdout
  --fix                      write every safe fix back to the files, then report what remains
  --fix-dry-run              compute the fixes but write nothing; JSON gets each fixed text as "output"
  ${`--profile ${PROFILE_CHOICES.join('|')}`.padEnd(27)}template version; auto decides from the year and the tables
  --lang zh|en               message language (default zh)
  --rule <id>=<severity>     override a rule's severity (off|info|warning|error); may repeat
  --config <file>            use this config file instead of the nearest .xxgklintrc.json
  --hierarchy <file>         JSON {"summary": ["unit", ...]}: check the summary's tables are
                             the sums of its units' (paths, or agency names among the files)
  --print-config <file>      print the configuration that applies to <file>, and stop
  -q, --quiet                report errors only (warnings and info are neither shown nor counted)
  --max-warnings <n>         exit 1 when there are more than <n> warnings
  --baseline <file>          hide the findings recorded in <file> (see --update-baseline)
  --update-baseline          record every finding of this run in the baseline file
                             (--baseline, default ./xxgklint-baseline.json)
  --cache                    reuse the results of files unchanged since the last run
  --cache-location <path>    the cache file, or a folder for it (default ./.xxgklintcache)
  --stdin                    check the report on standard input
  --stdin-filename <name>    the name it is shown under; its config and format follow the name
  --jobs <n>, -j <n>         worker threads (default: all cores for more than 50 files, else 1)
  --help, -h                 show this help
  --version, -v              show the version

Folders are searched recursively for ${REPORT_EXTENSIONS.join(' ')} files (node_modules and
dot-folders skipped); files found there that do not look like a report are skipped.
Quoted globs (*, **, ?) are expanded by xxgk-lint itself.
Input may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

Exit status: 0 no error-level finding, 1 at least one (or more warnings than --max-warnings),
2 usage or input error, or a file that could not be read.
`;
