// .xxgklintrc.json next to a report (or in a folder above it) applies in the
// editor as on the command line, read and checked by config/config-file.ts.
// The editor's own settings go on top: its rule severities override the
// file's, its profile wins unless it is `auto`. Only JSON is read; nothing from
// the workspace is ever run.
import { CONFIG_NAME, parseConfig, type Config, type ConfigFile } from '../config/config-file';
import { NearestFiles } from '../config/nearest-file';
import type { Settings } from './settings';

export class RcFiles {
  private readonly files = new NearestFiles<ConfigFile>(CONFIG_NAME, (file, text) => parseConfig(text, file));

  /** Forget what was read (a config file changed). */
  clear(): void {
    this.files.clear();
  }

  /** The nearest config file above a file: URI's folder, as read (a bad one carries its error). */
  forUri(uri: string): ConfigFile | undefined {
    return this.files.forUri(uri)?.value;
  }
}

/** The editor settings with a config file under them. */
export function withRc(settings: Settings, rc: Config | undefined): Settings {
  if (!rc) return settings;
  return {
    ...settings,
    profile: settings.profile !== 'auto' ? settings.profile : rc.profile ?? 'auto',
    rules: { ...rc.rules, ...settings.rules },
  };
}
