// .xxgklintrc.json next to a report (or in a folder above it) applies in the
// editor as on the command line. The editor's own settings go on top: its
// rule severities override the file's, its profile wins unless it is `auto`.
// Only JSON is read; nothing from the workspace is ever run.
import type { SeveritySetting } from '../core/types';
import { NearestFiles } from './nearest-file';
import { normalizeSettings, type Settings } from './settings';

export const RC_NAME = '.xxgklintrc.json';

export interface RcConfig {
  file: string;
  profile?: Settings['profile'];
  lang?: Settings['lang'];
  rules: Record<string, SeveritySetting>;
  error?: string;
}

export class RcFiles {
  private readonly files = new NearestFiles<RcConfig>(RC_NAME, parseRc);

  /** Forget what was read (a config file changed). */
  clear(): void {
    this.files.clear();
  }

  /** The nearest config above a file: URI's folder, or undefined. */
  forUri(uri: string): RcConfig | undefined {
    return this.files.forUri(uri)?.value;
  }
}

function parseRc(file: string, raw: string): RcConfig {
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const s = normalizeSettings(data);
    return {
      file,
      profile: typeof data.profile === 'string' ? s.profile : undefined,
      lang: typeof data.lang === 'string' ? s.lang : undefined,
      rules: s.rules,
    };
  } catch (error) {
    return { file, rules: {}, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The editor settings with a config file under them. */
export function withRc(settings: Settings, rc: RcConfig | undefined): Settings {
  if (!rc) return settings;
  return {
    ...settings,
    profile: settings.profile !== 'auto' ? settings.profile : rc.profile ?? 'auto',
    rules: { ...rc.rules, ...settings.rules },
  };
}
