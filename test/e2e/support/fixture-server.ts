/**
 * Serves test/fixtures from 127.0.0.1 on two ports: two origins, for
 * cross-origin iframe cases. Nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/**
 * A generated response: text or bytes, or a function giving them per request
 * (undefined: 410 Gone, as a one-time link answers when used again).
 */
export type Generated = string | Uint8Array | (() => string | Uint8Array | undefined);

export interface FixtureServer {
  /** http://127.0.0.1:PORT — the main origin. */
  origin: string;
  /** A second origin serving the same files, for cross-origin frames. */
  otherOrigin: string;
  url(path: string): string;
  close(): Promise<void>;
}

function serve(root: string, generated: Map<string, Generated>): Server {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const entry = generated.get(path);
    const body = typeof entry === 'function' ? entry() : entry;
    if (entry !== undefined && body === undefined) return void res.writeHead(410).end('gone');
    if (body !== undefined) {
      // PDF bytes at an address without .pdf (a portal's /download?id=…) are still served as a PDF.
      const pdf = typeof body !== 'string' && Buffer.from(body.subarray(0, 5)).toString('latin1') === '%PDF-';
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? (pdf ? 'application/pdf' : 'text/html; charset=utf-8') }).end(body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const data = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(data);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** `pages` adds generated pages (path → HTML, PDF bytes …) beside the fixture files. */
export async function startFixtureServer(pages: Record<string, Generated> = {}): Promise<FixtureServer> {
  const generated = new Map(Object.entries(pages));
  const main = serve(FIXTURES, generated);
  const other = serve(FIXTURES, generated);
  const origin = await listen(main);
  const otherOrigin = await listen(other);
  return {
    origin,
    otherOrigin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: async () => {
      // The browser keeps connections alive; close them, or close() waits for them.
      for (const s of [main, other]) s.closeAllConnections();
      await Promise.all([main, other].map((s) => new Promise((r) => s.close(r))));
    },
  };
}
