// The --help text.
import { REPORT_EXTENSIONS } from './extensions';

export const HELP = `Usage: xxgk-lint [options] <file|dir|glob>...

Checks 政府信息公开工作年度报告 (government information-disclosure annual reports):
the six sections, the statistical tables and their sums.

Options:
  --format text|json|sarif   output format (default text: file:line:col severity rule message)
  --fix                      write every safe fix back to the files, then report what remains
  --profile auto|2019|2021   template version; auto decides from the year and the tables
  --lang zh|en               message language (default zh)
  --rule <id>=<severity>     override a rule's severity (off|info|warning|error); may repeat
  --config <file>            use this config file instead of the nearest .xxgklintrc.json
  --hierarchy <file>         JSON {"summary": ["unit", ...]}: check the summary's tables are
                             the sums of its units' (paths, or agency names among the files)
  --jobs <n>, -j <n>         worker threads (default: all cores for more than 50 files, else 1)
  --help, -h                 show this help
  --version, -v              show the version

Folders are searched recursively for ${REPORT_EXTENSIONS.join(' ')} files (node_modules and
dot-folders skipped); files found there that do not look like a report are skipped.
Quoted globs (*, **, ?) are expanded by xxgk-lint itself.
Input may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

Exit status: 0 no error-level finding, 1 at least one, 2 usage or input error.
`;
