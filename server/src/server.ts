// The language server over stdio (`npx xxgk-lint-server --stdio`): wiring only,
// the behaviour lives in ./lsp.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { XxgkServer } from './lsp/service';

const connection = createConnection(ProposedFeatures.all);
new XxgkServer(connection);
// A malformed message is reported and skipped; the server keeps serving.
process.on('uncaughtException', (error) => {
  try {
    connection.console.error(`xxgk-lint: ${error?.stack ?? String(error)}`);
  } catch {
    process.stderr.write(`xxgk-lint: ${String(error)}\n`);
  }
});
connection.listen();
