// A guard in front of the JSON-RPC reader on stdin. vscode-jsonrpc stops
// reading a chunk at a malformed header and only resumes when more bytes
// arrive, so a client waiting for an answer would wait for ever. This passes
// on well-framed messages only: header blocks without a Content-Length are
// dropped (and reported), a block with garbage in front of its Content-Length
// is re-framed. Bodies that are not JSON go through; the reader reports them
// and carries on.
import { Transform, type TransformCallback } from 'node:stream';

const TERMINATOR = Buffer.from('\r\n\r\n');
const LENGTH = /content-length[ \t]*:[ \t]*(\d+)/gi;
/** A header block longer than this with no terminator is garbage. */
const MAX_HEADER = 8192;

export class FramingGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private bodyLength = -1;

  constructor(private readonly onProblem: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    try {
      this.drain();
    } catch (error) {
      this.onProblem(`input dropped: ${String(error)}`);
      this.buffer = Buffer.alloc(0);
      this.bodyLength = -1;
    }
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.bodyLength < 0) {
        const end = this.buffer.indexOf(TERMINATOR);
        if (end < 0) {
          if (this.buffer.length > MAX_HEADER) {
            this.onProblem(`dropped ${this.buffer.length} bytes without a message header`);
            // Keep the tail: it may hold the start of the next header.
            this.buffer = this.buffer.subarray(this.buffer.length - 64);
          }
          return;
        }
        const header = this.buffer.subarray(0, end).toString('latin1');
        this.buffer = this.buffer.subarray(end + TERMINATOR.length);
        const lengths = [...header.matchAll(LENGTH)];
        if (!lengths.length) {
          this.onProblem(`dropped a message header without Content-Length: ${JSON.stringify(header.slice(0, 80))}`);
          continue;
        }
        const last = lengths[lengths.length - 1];
        if (last.index! > 0 && !/(^|\r\n)$/.test(header.slice(0, last.index))) {
          this.onProblem(`dropped ${last.index} bytes before a message header`);
        }
        this.bodyLength = Number(last[1]);
      }
      if (this.buffer.length < this.bodyLength) return;
      const body = this.buffer.subarray(0, this.bodyLength);
      this.buffer = this.buffer.subarray(this.bodyLength);
      this.bodyLength = -1;
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }
  }
}
