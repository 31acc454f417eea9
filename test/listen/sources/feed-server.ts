// A local HTTP server that speaks to the feed fetcher as real feed servers do, on 127.0.0.1 only.
// Each test gives it a handler; the server counts what it answered.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Requests received, in order. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Answers sent, by status code. */
  statuses: Map<number, number>;
  close(): Promise<void>;
}

export async function startFeedServer(handler: (req: IncomingMessage, res: ServerResponse, server: FeedServer) => void): Promise<FeedServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const feedServer: FeedServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests: [],
    statuses: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('request', (req, res) => {
    feedServer.requests.push({ path: req.url ?? '', headers: req.headers });
    res.on('finish', () => feedServer.statuses.set(res.statusCode, (feedServer.statuses.get(res.statusCode) ?? 0) + 1));
    handler(req, res, feedServer);
  });
  return feedServer;
}

/** A small RSS 2.0 feed with these item titles (ids and links derived from the titles). */
export function rssFeed(titles: string[], extra = ''): string {
  const items = titles.map((t) => `<item><title>${t}</title><link>https://blog.example/${encodeURIComponent(t)}</link><guid>https://blog.example/${encodeURIComponent(t)}</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>${extra}</item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link>${items.join('')}</channel></rss>`;
}
