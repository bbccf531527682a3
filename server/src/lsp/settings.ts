// The editor settings (section `xxgkLint`), read through workspace/configuration
// or, from clients without it, from didChangeConfiguration / initializationOptions.
import { PROFILE_CHOICES } from '../core/templates';
import type { Lang, LintOptions, ProfileId, SeveritySetting } from '../core/types';
import { isSeverity } from '../config/severity';

/** Which documents are checked. */
export type CheckMode =
  /** The report language always; Markdown and plain text when they look like a report. */
  | 'reports'
  /** The report language, Markdown and plain text, always. */
  | 'all'
  /** Only documents in the report language. */
  | 'reportLanguage';

export interface Settings {
  enable: boolean;
  profile: 'auto' | ProfileId;
  lang: Lang;
  rules: Record<string, SeveritySetting>;
  check: CheckMode;
  /** Milliseconds between the last keystroke and the check. */
  debounce: number;
}

export const defaultSettings: Settings = {
  enable: true,
  profile: 'auto',
  lang: 'zh',
  rules: {},
  check: 'reports',
  debounce: 200,
};

/** Whatever the client sent, made into valid settings (unknown values fall back to the defaults). */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      const s = sev === 'information' || sev === 'hint' ? 'info' : sev;
      if (typeof s === 'string' && isSeverity(s)) rules[id] = s;
    }
  }
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
    typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : defaultSettings.enable,
    profile: pick(r.profile, PROFILE_CHOICES, defaultSettings.profile),
    lang: pick(r.lang, ['zh', 'en'] as const, defaultSettings.lang),
    rules,
    check: pick(r.check, ['reports', 'all', 'reportLanguage'] as const, defaultSettings.check),
    debounce:
      typeof r.debounce === 'number' && Number.isFinite(r.debounce) && r.debounce >= 0 && r.debounce <= 5000
        ? r.debounce
        : defaultSettings.debounce,
  };
}

export function lintOptions(s: Settings, onRuleError?: LintOptions['onRuleError']): LintOptions {
  return { profile: s.profile, lang: s.lang, rules: s.rules, onRuleError };
}
