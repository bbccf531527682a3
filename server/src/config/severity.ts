// The rule ids and severities the command line, the config file and the editor settings accept.
import { allRules } from '../rules';
import type { SeveritySetting } from '../core/types';

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export function knownRuleIds(): string[] {
  return allRules.map((r) => r.id).sort();
}

export function isSeverity(s: string): s is SeveritySetting {
  return (SEVERITIES as readonly string[]).includes(s);
}
