import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { callOf, globMatches } from './live-wire.js';

/** A recorded AWS answer for a call the emulator cannot serve (a live fixture's `replies`). */
export interface RecordedReply {
  /** `service:Action` as calls.jsonl names it; glob patterns allowed. */
  call: string;
  status: number;
  body: string;
  contentType?: string;
  /** Only requests whose target (path and query) or body contains this text. */
  match?: string;
}

export interface RepliedCall {
  t: number;
  service: string;
  action: string;
  status: number;
}

/**
 * A loopback proxy in front of the emulator: it forwards every request unchanged, except those that match a recorded
 * reply and are not denied, which it answers itself. It counts what it forwarded, so that the caller can wait for
 * the emulator's log to hold every line.
 */
export interface FrontProxy {
  url: string;
  forwarded(): number;
  replied(): readonly RepliedCall[];
  setReplies(replies: readonly RecordedReply[]): void;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });
}

function defaultContentType(body: string): string {
  return body.trimStart().startsWith('<') ? 'text/xml' : 'application/json';
}

function copyHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) copy[name] = value;
  return copy;
}

/** `isDenied` says whether a call is denied right now; a denied call always reaches the emulator, which refuses it. */
export async function startFrontProxy(upstream: URL, isDenied: (call: string) => boolean): Promise<FrontProxy> {
  let replies: readonly RecordedReply[] = [];
  const replied: RepliedCall[] = [];
  let forwarded = 0;

  function forward(incoming: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...copyHeaders(incoming.headers), 'content-length': String(body.length) } },
      (answer) => {
        readBody(answer).then((payload) => {
          forwarded += 1;
          response.writeHead(answer.statusCode ?? 502, { ...copyHeaders(answer.headers), 'content-length': String(payload.length) });
          response.end(payload);
        }, (error: unknown) => response.destroy(error instanceof Error ? error : undefined));
      },
    );
    outgoing.on('error', () => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('the emulator did not answer');
    });
    outgoing.end(body);
  }

  const server = createServer((incoming, response) => {
    readBody(incoming).then((body) => {
      const method = incoming.method ?? 'GET';
      const target = incoming.url ?? '/';
      const text = body.toString('utf8');
      const { service, action } = callOf({ method, target, headers: incoming.headers, body: text });
      const call = `${service}:${action}`;
      const reply = isDenied(call) ? undefined : replies.find((candidate) => globMatches(candidate.call, call) && (candidate.match === undefined || target.includes(candidate.match) || text.includes(candidate.match)));
      if (reply === undefined) {
        forward(incoming, body, response);
        return;
      }
      replied.push({ t: Date.now() / 1000, service, action, status: reply.status });
      const payload = Buffer.from(reply.body, 'utf8');
      response.writeHead(reply.status, { 'content-type': reply.contentType ?? defaultContentType(reply.body), 'content-length': String(payload.length), 'x-amzn-requestid': 'live-fixture-reply' });
      response.end(method === 'HEAD' ? undefined : payload);
    }, () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the front proxy has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    forwarded: () => forwarded,
    replied: () => replied,
    setReplies(next) {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
