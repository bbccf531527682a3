// Every regular expression in server/src: the literals (found with the
// TypeScript scanner), `new RegExp('…')` with a literal source, and the `match`
// patterns the templates declare as data. Used by regex.test.ts to try pumped
// inputs; `npx vitest run test/reliability/regex.test.ts` prints the list.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function findRegexes(): FoundRegex[] {
  const out: FoundRegex[] = [];
  for (const file of walk(SRC)) {
    const rel = relative(ROOT, file);
    if (file.endsWith('.ts')) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const lit = node.getText(sf);
          const end = lit.lastIndexOf('/');
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          out.push({ where: `${rel}:${line}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
        } else if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp' && node.arguments?.length) {
          const a = node.arguments[0];
          if (ts.isStringLiteralLike(a)) {
            const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
            const f = node.arguments[1];
            out.push({ where: `${rel}:${line}`, source: a.text, flags: f && ts.isStringLiteralLike(f) ? f.text : '' });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    } else if (file.endsWith('.json')) {
      const walkJson = (v: unknown, path: string) => {
        if (Array.isArray(v)) v.forEach((x, i) => walkJson(x, `${path}[${i}]`));
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'match' && typeof x === 'string') out.push({ where: `${rel} ${path}.match`, source: x, flags: '' });
            else walkJson(x, `${path}.${k}`);
          }
        }
      };
      walkJson(JSON.parse(readFileSync(file, 'utf8')), '$');
    }
  }
  return out;
}
