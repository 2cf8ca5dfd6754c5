import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppErrorShape, Result } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Dispatch } from '../core/dispatch';
import type { EventSubscriber } from '../core/event-bus';
import type { Logger } from '../core/logger';
import { serveDownload } from './serve-download';
import { serveStatic } from './static-files';
import { UNAUTHORIZED_PAGE_CSP, unauthorizedPage } from './unauthorized-page';

export interface HttpTransportOptions {
  dispatch: Dispatch;
  bus: EventSubscriber;
  /** Made at each launch; a request without it is refused. */
  secret: string;
  /** The built renderer (dist/renderer); omit to serve the API only. */
  staticDir?: string;
  /** Where exports.stageDownload stages exports for the page to download (GET /api/downloads/<id>). */
  downloadsDir?: string;
  logger: Logger;
  maxBodyBytes?: number;
  /**
   * How long a request may take to arrive (headers, then the whole body). A local window sends a command in
   * milliseconds; a body trickling in a byte at a time would otherwise hold a connection open at will.
   */
  requestTimeoutMs?: number;
}

export interface HttpTransport {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** What to open: sets the session cookie, then redirects to the app. */
  launchUrl: string;
  close(): Promise<void>;
}

const COOKIE = 'backoffice_session';
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Browser mode: the contract over HTTP on 127.0.0.1 only. Commands are POST /api/invoke/<name> with a JSON
 * body; events stream from GET /api/events (server-sent events). Every request must carry the launch secret,
 * as the HttpOnly cookie set by the launch URL or as `Authorization: Bearer`, and name this server in its
 * Host header (so a web page elsewhere cannot reach it through DNS rebinding).
 */
export async function startHttpTransport(options: HttpTransportOptions, port = 0): Promise<HttpTransport> {
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const secret = Buffer.from(options.secret);
  const streams = new Set<ServerResponse>();
  let origin = '';

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(10_000, requestTimeout),
      // How often Node enforces both: every 30 s by default, which would let a slow request run that long past them.
      connectionsCheckingInterval: Math.min(1_000, requestTimeout),
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        options.logger.error('http transport failure', { error });
        if (!res.headersSent) sendJson(res, 500, failure('internal', 'The back-office hit an internal error.'));
        else res.destroy();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!hostAllowed(req.headers.host)) {
      sendJson(res, 421, failure('unauthorized', 'This server answers only to its own loopback address.'));
      return;
    }
    const fromQuery = url.searchParams.get('secret');
    if (req.method === 'GET' && fromQuery !== null && !url.pathname.startsWith('/api/')) {
      if (!matches(fromQuery)) {
        sendUnauthorized(req, res, url, origin);
        return;
      }
      // Trade the secret in the URL for a cookie, and drop it from the address bar and history.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(fromQuery)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (!authorized(req)) {
      sendUnauthorized(req, res, url, origin);
      return;
    }
    if (url.pathname.startsWith('/api/invoke/')) {
      await invoke(req, res, decodeURIComponent(url.pathname.slice('/api/invoke/'.length)));
      return;
    }
    if (url.pathname.startsWith('/api/downloads/') && req.method === 'GET') {
      const id = url.pathname.slice('/api/downloads/'.length);
      const served =
        options.downloadsDir !== undefined &&
        serveDownload(options.downloadsDir, id, res, SECURITY_HEADERS, (error) => options.logger.error('download failed', { error }));
      if (!served) sendJson(res, 404, failure('download_not_found', 'This export was downloaded already, or is gone: export it again.'));
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      openEventStream(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, failure('invalid_input', 'Only GET, and POST to /api/invoke/<command>, are served here.'));
      return;
    }
    if (!options.staticDir) {
      sendJson(res, 404, failure('unknown_command', 'No renderer is served by this instance.'));
      return;
    }
    serveStatic(options.staticDir, url.pathname, res, SECURITY_HEADERS);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('invalid_input', 'Commands are sent with POST.'));
      return;
    }
    // A cross-site form cannot send application/json without a CORS preflight, which this server never grants.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, failure('invalid_input', 'Send the command input as application/json.'));
      return;
    }
    const origin_ = req.headers.origin;
    if (origin_ !== undefined && origin_ !== origin) {
      sendJson(res, 403, failure('unauthorized', 'Requests from other origins are refused.'));
      return;
    }
    let text: string;
    try {
      text = await readBody(req, maxBody);
    } catch {
      sendJson(res, 413, failure('invalid_input', `The request body exceeds ${Math.round(maxBody / 1024 / 1024)} MB.`));
      return;
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      sendJson(res, 400, failure('invalid_input', 'The request body is not valid JSON.'));
      return;
    }
    const result = await options.dispatch(name, input, { transport: 'http' });
    sendJson(res, statusFor(result), result);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.bus.subscribe((name, payload) => {
      res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  function authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ') && matches(header.slice(7))) return true;
    const cookie = parseCookies(req.headers.cookie)[COOKIE];
    return cookie !== undefined && matches(cookie);
  }

  function matches(candidate: string): boolean {
    const given = Buffer.from(candidate);
    return given.length === secret.length && timingSafeEqual(given, secret);
  }

  function hostAllowed(host: string | undefined): boolean {
    const port_ = new URL(origin).port;
    return host === `127.0.0.1:${port_}` || host === `localhost:${port_}`;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    launchUrl: `${origin}/?secret=${encodeURIComponent(options.secret)}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failure(code: AppErrorShape['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The body always carries the outcome; the status only marks what is a client's mistake (a malformed or
 * unknown command) or the server's. A refusal such as "no site set up yet" is an ordinary answer: a 4xx for
 * it would have the browser log a failed request every time.
 */
function statusFor(result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'invalid_input' || result.error.code === 'unknown_command') return 400;
  return result.error.code === 'internal' ? 500 : 200;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A person at a browser (a page asked for, as text/html) gets a page saying how to open the app; the window's
 * own calls and scripts (the API, anything not asking for HTML) keep the JSON error they can read.
 */
function sendUnauthorized(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): void {
  const wantsPage =
    (req.method === 'GET' || req.method === 'HEAD') &&
    !url.pathname.startsWith('/api/') &&
    /\btext\/html\b/.test(String(req.headers.accept ?? ''));
  if (wantsPage) {
    res.writeHead(401, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': UNAUTHORIZED_PAGE_CSP,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Language': 'en, fr',
      Vary: 'Accept, Accept-Language',
    });
    res.end(req.method === 'HEAD' ? undefined : unauthorizedPage(req.headers['accept-language'], origin));
    return;
  }
  sendJson(
    res,
    401,
    failure('unauthorized', 'Open the back-office with the address printed when it started (it carries a secret made at each launch).'),
  );
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) {
      try {
        out[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        // A malformed cookie is simply not ours.
      }
    }
  }
  return out;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained unread, so the client still gets the 413 answer.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
