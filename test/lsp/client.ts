// A real LSP client for the tests: spawns the built dist/server.js over stdio
// and talks to it with vscode-languageserver-protocol.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Session {
  proc: ChildProcessWithoutNullStreams;
  conn: ProtocolConnection;
  stderr: () => string;
  logs: string[];
  /** Latest diagnostics per uri, with the document version they were computed for. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Every publishDiagnostics, in order. */
  published: PublishDiagnosticsParams[];
  statuses: Record<string, unknown>[];
  /** Resolves with the next status notification for `uri` that satisfies `pred`. */
  waitStatus(uri: string, pred: (s: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** Resolves with the next diagnostics for `uri` that satisfy `pred`. */
  waitDiagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean, ms?: number): Promise<Diagnostic[]>;
  settings: Record<string, unknown>;
  /** The server's answer to initialize: its capabilities. */
  initialized?: InitializeResult;
  applied: unknown[];
  close(): Promise<void>;
}

/** What a test changes in the client: another server file, code actions resolved later. */
export interface ClientOptions {
  server?: string;
  resolveEdits?: boolean;
}

export async function startServer(
  settings: Record<string, unknown> = {},
  rootUri: string | null = null,
  initializationOptions?: Record<string, unknown>,
  client: ClientOptions = {},
): Promise<Session> {
  const proc = spawn(process.execPath, [client.server ?? SERVER, '--stdio'], { stdio: 'pipe' });
  let err = '';
  proc.stderr.on('data', (b) => (err += b));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const session: Session = {
    proc,
    conn,
    stderr: () => err,
    logs: [],
    diagnostics,
    published: [],
    statuses: [],
    async waitStatus(uri, pred, ms = 10000) {
      const end = Date.now() + ms;
      for (;;) {
        const hit = [...session.statuses].reverse().find((x) => x.uri === uri && pred(x));
        if (hit) return hit;
        if (Date.now() > end) throw new Error(`no matching status for ${uri} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    settings,
    applied: [],
    waitDiagnostics(uri, pred, ms = 10000) {
      const now = diagnostics.get(uri);
      if (now && pred(now.diagnostics, now)) return Promise.resolve(now.diagnostics);
      return new Promise((resolve, reject) => {
        const w = { uri, pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${JSON.stringify(diagnostics.get(uri)?.diagnostics.map((d) => [d.code, d.range.start]))}`));
          }
        }, ms);
      });
    },
    async close() {
      try {
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 100));
      conn.dispose();
      proc.kill();
    },
  };
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
    session.published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics, p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onNotification('xxgk/status', (p: Record<string, unknown>) => void session.statuses.push(p));
  conn.onNotification('window/logMessage', (p: { message: string }) => void session.logs.push(p.message));
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'xxgkLint' ? session.settings : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/applyEdit', (p) => {
    session.applied.push(p);
    return { applied: true };
  });
  conn.listen();
  session.initialized = await conn.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri,
    initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
          ...(client.resolveEdits ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
        },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      },
    },
  });
  conn.sendNotification('initialized', {});
  return session;
}
