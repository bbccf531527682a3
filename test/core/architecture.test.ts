// The rooms of docs/architecture.md keep their rules: checked on the imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');
const CLIENT = join(ROOT, 'client', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative import of a file, as a path relative to server/src. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => relative(SRC, resolve(dirname(file), m[1])));
}

describe('architecture', () => {
  it('a reader never sees a template: core/read imports only core/read, core/text and core/types', () => {
    for (const f of files(join(SRC, 'core', 'read'))) {
      for (const i of imports(f)) expect(i, relative(SRC, f)).toMatch(/^core\/(?:read\/|text$|types$)/);
    }
  });

  it('core imports nothing above it', () => {
    for (const f of files(join(SRC, 'core'))) {
      for (const i of imports(f)) expect(i, relative(SRC, f)).toMatch(/^(?:core\/|templates\/)/);
    }
  });

  it('rules import only core; the engine only rules and core', () => {
    for (const f of files(join(SRC, 'rules'))) {
      for (const i of imports(f)) expect(i, relative(SRC, f)).toMatch(/^(?:core\/|rules\/|templates\/)/);
    }
    for (const f of files(join(SRC, 'engine'))) {
      for (const i of imports(f)) expect(i, relative(SRC, f)).toMatch(/^(?:core\/|rules(?:\/|$)|engine\/|templates\/)/);
    }
  });

  it('the client imports nothing from the server but the protocol, and the protocol imports nothing', () => {
    for (const f of files(CLIENT)) {
      for (const i of imports(f)) if (!i.startsWith('..')) expect(i, relative(ROOT, f)).toMatch(/^protocol(?:\/|$)/);
    }
    for (const f of files(join(SRC, 'protocol'))) {
      for (const i of imports(f)) expect(i, relative(SRC, f)).toMatch(/^protocol\//);
    }
  });

  it('config/ and sources/ are shared by the front ends: they import nothing from cli/ or lsp/', () => {
    for (const room of ['config', 'sources']) {
      for (const f of files(join(SRC, room))) {
        for (const i of imports(f)) expect(i, relative(SRC, f)).not.toMatch(/^(?:cli|lsp)\//);
      }
    }
  });

  it('readers live in core/read: nothing else builds GridRows from text', () => {
    const outside = files(SRC).filter((f) => !f.includes(join('core', 'read')) && /\bShapeReader\b/.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });
});
