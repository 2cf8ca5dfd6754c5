import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCapture, type Capture } from './captures';

/**
 * A stand-in Moodle for the skeleton's tests: it answers core_webservice_get_site_info exactly as the real
 * site did in the captures (the admin token's answer, the invalid-token error, the 403 of a site with web
 * services disabled). The full simulated site with the shop API replaces it in later work.
 */
export interface CaptureSite {
  url: string;
  token: string;
  /** Every form the site received, to check what the client sent. */
  requests: URLSearchParams[];
  setWebServicesEnabled(enabled: boolean): void;
  close(): Promise<void>;
}

export const CAPTURE_TOKEN = '0123456789abcdef0123456789abcdef';

export async function startCaptureSite(): Promise<CaptureSite> {
  const ok = loadCapture('core_webservice_get_site_info__ok_admin.json');
  const invalidToken = loadCapture('core_webservice_get_site_info__fail_invalid_token.json');
  const disabled = loadCapture('00_webservices_disabled_403.json');
  const notInService = loadCapture('03_generic__function_not_in_service.json');
  const requests: URLSearchParams[] = [];
  let enabled = true;

  const send = (res: http.ServerResponse, capture: Capture) => {
    res.writeHead(capture.http_status, { 'Content-Type': capture.response_content_type });
    res.end(capture.response_body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      requests.push(form);
      if (req.url !== '/webservice/rest/server.php' || req.method !== 'POST') {
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not found</body></html>');
        return;
      }
      if (!enabled) return send(res, disabled);
      if (form.get('wstoken') !== CAPTURE_TOKEN) return send(res, invalidToken);
      if (form.get('wsfunction') === 'core_webservice_get_site_info') return send(res, ok);
      return send(res, notInService);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token: CAPTURE_TOKEN,
    requests,
    setWebServicesEnabled: (value) => {
      enabled = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
