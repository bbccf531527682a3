// --print-config <file>: the configuration that applies to one file, as the
// checker will use it: the config file found (or given), the command line on
// top, and every rule's severity with the defaults filled in.
import { relative } from 'node:path';
import { rules } from '../rules';
import type { CliOptions } from './args';
import type { ConfigResolver } from './config';

export function printConfig(cli: CliOptions, file: string, configs: ConfigResolver): string {
  const { config, path } = configs.forFile(file);
  const set = { ...config.rules, ...cli.rules };
  const effective = {
    file,
    configFile: path ? relative(process.cwd(), path) || path : null,
    profile: cli.profile ?? config.profile ?? 'auto',
    lang: cli.lang ?? config.lang ?? 'zh',
    rules: Object.fromEntries(rules.map((r) => [r.id, set[r.id] ?? r.severity])),
  };
  return `${JSON.stringify(effective, null, 2)}\n`;
}
