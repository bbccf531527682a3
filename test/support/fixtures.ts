// Reads the real reports in ../shared (never copied into the repo).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = join(__dirname, '..', '..', '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus');

export function seedFiles(): string[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
}

/** A seed by its number prefix, e.g. `003`. */
export function readSeed(prefix: string): string {
  const file = seedFiles().find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix} in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8');
}
