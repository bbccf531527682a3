// One file, start to end: read, decode, lint, and with --fix write the safe
// fixes back and lint again so the output tells what remains. Runs in the
// main thread or in a worker; it never throws, errors become results.
import { readFileSync, statSync } from 'node:fs';
import { fixAll } from '../core/fix';
import { lint } from '../core/lint';
import type { Diagnostic, LintOptions, ProfileId } from '../core/types';
import { decode, DecodeError, encode } from './decode';
import { writeAtomic } from './fix-write';

export interface FileTask {
  path: string;
  options: Omit<LintOptions, 'onRuleError'>;
  fix: boolean;
}

export type FileResult =
  | { path: string; profile: ProfileId; diagnostics: Diagnostic[]; ruleErrors: string[]; fixed: boolean }
  | { path: string; error: string };

export function checkFile(task: FileTask): FileResult {
  const { path } = task;
  let bytes: Buffer;
  let stamp: { mtimeMs: number; size: number };
  try {
    const before = statSync(path);
    bytes = readFileSync(path);
    stamp = { mtimeMs: before.mtimeMs, size: before.size };
  } catch (e) {
    return { path, error: `${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  let decoded;
  try {
    decoded = decode(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return { path, error: `${path}: cannot decode: ${e.message}` };
    throw e;
  }
  const ruleErrors: string[] = [];
  const options: LintOptions = {
    ...task.options,
    onRuleError: (rule, error) => {
      const msg = error instanceof Error ? error.message : String(error);
      const line = `${path}: rule ${rule} failed: ${msg.split('\n')[0]}`;
      if (!ruleErrors.includes(line)) ruleErrors.push(line);
    },
  };
  try {
    let text = decoded.text;
    let fixed = false;
    if (task.fix) {
      const result = fixAll(text, options);
      if (result.changed) {
        const out = encode(result.text, decoded.encoding, decoded.bom);
        // Only write when the new text survives the original encoding unchanged.
        if (decode(out).text !== result.text) return { path, error: `${path}: the fixed text cannot be written in ${decoded.encoding}; file left unchanged` };
        writeAtomic(path, out, stamp);
        text = result.text;
        fixed = true;
      }
    }
    const { report, diagnostics } = lint(text, options);
    return { path, profile: report.profile, diagnostics, ruleErrors, fixed };
  } catch (e) {
    return { path, error: `${path}: ${task.fix ? 'fix failed' : 'check failed'}: ${(e as Error).message?.split('\n')[0] ?? String(e)}` };
  }
}
