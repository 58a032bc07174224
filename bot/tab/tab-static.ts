import { readFile } from 'node:fs/promises';
import type { Request, Response, Server } from 'restify';
import { param } from './tab-http.ts';

const TAB_DIR = new URL('../../tab/', import.meta.url);

/** The only files /tab serves: the page and its bundle (built by `npm run build:tab`). */
const FILES: Readonly<Record<string, { path: URL; type: string }>> = {
  'index.html': { path: new URL('index.html', TAB_DIR), type: 'text/html; charset=utf-8' },
  'tab.js': { path: new URL('../dist/tab/tab.js', TAB_DIR), type: 'text/javascript; charset=utf-8' },
  'tab.css': { path: new URL('../dist/tab/tab.css', TAB_DIR), type: 'text/css; charset=utf-8' },
};

// Teams shows tabs in frames of its own web, desktop and mobile clients; the local test host is same-origin.
const FRAME_ANCESTORS =
  "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.cloud.microsoft";
const CSP = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors ${FRAME_ANCESTORS}`;

/** Serves GET /tab and /tab/assets/<file>; each file is read once, on first request (the bundle may be built after start). */
export function mountTabPage(server: Server): void {
  const cache = new Map<string, Buffer>();
  const serve = async (name: string, res: Response) => {
    // Own keys only: a name such as "constructor" or "__proto__" is not a file of ours.
    const file = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
    if (file === undefined) {
      res.json(404, { error: 'Not found.' });
      return;
    }
    let body = cache.get(name);
    if (body === undefined) {
      try {
        body = await readFile(file.path);
      } catch {
        res.json(503, { error: 'The tab is not built yet: run npm run build:tab.' });
        return;
      }
      cache.set(name, body);
    }
    res.header('Content-Security-Policy', CSP);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', name === 'index.html' ? 'no-cache' : 'public, max-age=300');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length });
    res.end(body);
  };
  server.get('/tab', async (_req: Request, res: Response) => serve('index.html', res));
  server.get('/tab/assets/:file', async (req: Request, res: Response) => serve(param(req, 'file') ?? '', res));
}
