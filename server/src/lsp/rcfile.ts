// .xxgklintrc.json next to a report (or in a folder above it) applies in the
// editor as on the command line. The editor's own settings go on top: its
// rule severities override the file's, its profile wins unless it is `auto`.
// Only JSON is read; nothing from the workspace is ever run.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeveritySetting } from '../core/types';
import { normalizeSettings, type Settings } from './settings';

export const RC_NAME = '.xxgklintrc.json';

export interface RcConfig {
  file: string;
  profile?: Settings['profile'];
  lang?: Settings['lang'];
  rules: Record<string, SeveritySetting>;
  error?: string;
}

interface Entry {
  mtimeMs: number;
  config: RcConfig;
}

export class RcFiles {
  private cache = new Map<string, Entry | null>();

  /** Forget what was read (a config file changed). */
  clear(): void {
    this.cache.clear();
  }

  /** The nearest config above a file: URI's folder, or undefined. */
  forUri(uri: string): RcConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let dir: string;
    try {
      dir = dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
    for (let i = 0; i < 64; i++) {
      const hit = this.read(join(dir, RC_NAME));
      if (hit) return hit;
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
    return undefined;
  }

  private read(file: string): RcConfig | undefined {
    let mtimeMs: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return undefined;
      mtimeMs = st.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.config;
    let config: RcConfig;
    try {
      let raw = readFileSync(file, 'utf8');
      if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
      const data = JSON.parse(raw) as Record<string, unknown>;
      const s = normalizeSettings(data);
      config = {
        file,
        profile: typeof data.profile === 'string' ? s.profile : undefined,
        lang: typeof data.lang === 'string' ? s.lang : undefined,
        rules: s.rules,
      };
    } catch (error) {
      config = { file, rules: {}, error: `${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
    this.cache.set(file, { mtimeMs, config });
    return config;
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
