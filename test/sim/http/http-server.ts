import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MoodleSite } from '../site';
import { handleRestCall, type RestResponse } from '../webservice/rest-server';
import { HTTP_ERROR_PAGE, PHP_FATAL_PAGE, type FaultQueue } from './faults';
import { mergeTopLevel, parsePhpForm, type PhpArray } from './php-form';

/** What the site received, for tests that check what a client sent. */
export interface ReceivedRequest {
  method: string;
  /** The form fields as sent (query string, then body), in order. */
  fields: [string, string][];
  wsfunction: string | undefined;
  /** Fields PHP dropped past max_input_vars. */
  dropped: number;
}

export interface HttpServerOptions {
  site: MoodleSite;
  faults: FaultQueue;
  received: ReceivedRequest[];
  host?: string;
  port?: number;
  maxInputVars?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const ENDPOINT = '/webservice/rest/server.php';

function webServicesEnabled(site: MoodleSite): boolean {
  return site.config('enablewebservices') === '1' && (site.config('webserviceprotocols') ?? '').split(',').includes('rest');
}

function send(res: http.ServerResponse, response: RestResponse): void {
  res.writeHead(response.status, { 'Content-Type': response.contentType });
  res.end(response.body);
}

/** Moodle's server.php on node:http: a form-encoded POST (or GET) read the way PHP reads it. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const { site, faults, received } = options;
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const answer = (request: PhpArray): RestResponse => {
    // server.php refuses before reading anything when web services or REST are off: 403, empty body (README fact 3).
    if (!webServicesEnabled(site)) return { status: 403, contentType: 'text/html; charset=utf-8', body: '' };
    try {
      return handleRestCall(site, request);
    } catch (error) {
      // Not a Moodle exception: a bug of the simulator. Make it loud rather than look like a Moodle answer.
      console.error('simulated Moodle site: unexpected error', error);
      return {
        status: 500,
        contentType: 'text/plain; charset=utf-8',
        body: `Simulated Moodle site bug: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://simulated.invalid');
      if (url.pathname !== ENDPOINT) {
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body><h1>Not Found</h1></body></html>');
        return;
      }
      const contentType = req.headers['content-type'] ?? '';
      const bodyFields: [string, string][] =
        req.method === 'POST' && (contentType === '' || contentType.includes('application/x-www-form-urlencoded'))
          ? [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))]
          : [];
      const queryFields: [string, string][] = [...url.searchParams];
      const maxVars = options.maxInputVars;
      const query = parsePhpForm(queryFields, maxVars);
      const body = parsePhpForm(bodyFields, maxVars);
      const request = mergeTopLevel(query.values, body.values);
      const wsfunction = request.get('wsfunction');
      const fnName = typeof wsfunction === 'string' ? wsfunction : undefined;
      received.push({
        method: req.method ?? 'GET',
        fields: [...queryFields, ...bodyFields],
        wsfunction: fnName,
        dropped: query.dropped + body.dropped,
      });

      const fault = faults.take(fnName ?? '');
      if (fault?.kind === 'connection-reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'http-error') {
        send(res, {
          status: fault.status ?? 500,
          contentType: fault.contentType ?? 'text/html; charset=utf-8',
          body: fault.body ?? HTTP_ERROR_PAGE,
        });
        return;
      }
      if (fault?.kind === 'php-fatal') {
        send(res, { status: fault.status ?? 200, contentType: 'text/html; charset=UTF-8', body: PHP_FATAL_PAGE });
        return;
      }
      if (fault?.kind === 'stall') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!closed) send(res, answer(request));
        }, fault.ms);
        timers.add(timer);
        return;
      }
      const response = answer(request);
      if (fault?.kind === 'truncated-json') response.body = response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2)));
      send(res, response);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
