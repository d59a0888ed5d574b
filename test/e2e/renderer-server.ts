import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The CSP the app window runs under (same as the meta tag in renderer/index.html). */
export const RENDERER_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface RendererServer {
  /** e.g. http://127.0.0.1:41234: the only origin the harness's sender policy trusts. */
  origin: string;
  stop(): Promise<void>;
}

/** Serves the built renderer on loopback, with the app's CSP on every answer. */
export async function startRendererServer(dir: string): Promise<RendererServer> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`No renderer build in ${dir}: run npx vite build --config renderer/vite.config.ts`);
  }
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    const headers = { 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' };
    if (
      req.method !== 'GET' ||
      !file.startsWith(root + path.sep) ||
      !fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
