// The language server: `npx xxgk-lint-server --stdio` (any LSP client) or
// --node-ipc / --socket. Wiring only; the behaviour lives in ./lsp.
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';
import { FramingGuard } from './lsp/framing';
import { XxgkServer } from './lsp/service';

const problems: string[] = [];
let connection: Connection;
const report = (message: string) => {
  if (connection) connection.console.warn(`xxgk-lint: ${message}`);
  else problems.push(message);
};

if (process.argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  connection = createConnection(ProposedFeatures.all);
} else {
  // stdio, with malformed input dropped before it can stall the reader.
  const input = process.stdin.pipe(new FramingGuard(report));
  process.stdin.on('end', () => input.end());
  connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(process.stdout));
}
new XxgkServer(connection);
process.on('uncaughtException', (error) => {
  try {
    connection.console.error(`xxgk-lint: ${error?.stack ?? String(error)}`);
  } catch {
    process.stderr.write(`xxgk-lint: ${String(error)}\n`);
  }
});
connection.listen();
for (const p of problems.splice(0)) report(p);
