// The rule ids and severities the command line, the config file and the editor settings accept.
import { rules } from '../rules';
import type { SeveritySetting } from '../core/types';

export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/**
 * Ids reserved by the contract, accepted even before their rule lands, so a
 * config written against the contract keeps working across versions.
 */
const CONTRACT_IDS = [
  'section-missing', 'section-order', 'section-duplicate', 'section-empty', 'table-missing', 'table-shape',
  'cell-value', 'row-total', 'column-total', 'balance', 'narrative-mismatch', 'report-year', 'publish-date',
  'template-version', 'title', 'fee-statement', 'carried-over', 'heading-numbering', 'citation', 'copied-text',
  'hierarchy-sum',
];

export function knownRuleIds(): string[] {
  return [...new Set([...rules.map((r) => r.id), ...CONTRACT_IDS])].sort();
}

export function isSeverity(s: string): s is SeveritySetting {
  return (SEVERITIES as readonly string[]).includes(s);
}
