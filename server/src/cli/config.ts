// The command line's config: the nearest .xxgklintrc.json above each file, or
// the one given with --config. A bad one stops the run with its one line
// (exit 2); reading and checking it is config/config-file.ts's.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIG_NAME, ConfigError, parseConfig, strictConfig, type Config, type ConfigFile } from '../config/config-file';
import { NearestFiles } from '../config/nearest-file';

export class ConfigResolver {
  /** Each folder looked at once: nothing changes under a run. */
  private readonly nearest = new NearestFiles<ConfigFile>(CONFIG_NAME, (file, text) => parseConfig(text, shownPath(file)), true);
  private readonly explicit?: { config: Config; path: string };

  constructor(explicit?: string) {
    if (explicit) {
      if (!existsSync(explicit) || !statSync(explicit).isFile()) throw new ConfigError(`${explicit}: config file not found`);
      this.explicit = { config: strictConfig(readExplicit(explicit)), path: explicit };
    }
  }

  /** The config for a file, with the path it came from; `{}` when there is none. */
  forFile(file: string): { config: Config; path?: string } {
    if (this.explicit) return this.explicit;
    const found = this.nearest.forFile(file);
    return found ? { config: strictConfig(found.value), path: join(found.dir, CONFIG_NAME) } : { config: {} };
  }
}

function readExplicit(file: string): ConfigFile {
  try {
    return parseConfig(readFileSync(file, 'utf8'), file);
  } catch (e) {
    return { file, config: {}, error: `${file}: cannot read config: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}
