// A tiny WebSocket server (RFC 6455) for tests, on 127.0.0.1: the opening handshake (section
// 4.2.2: Sec-WebSocket-Accept = base64(SHA-1(key + GUID))), unmasked text frames from the server
// (section 5.2, 7/16/64-bit lengths), and the closing handshake when the client closes. Enough
// to play Jetstream to Node's WebSocket client; the `ws` package is not a dependency.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface WsConnection {
  /** The request's URL (path and query). */
  url: string;
  send(text: string): void;
  /** Closes with a close frame (1000). */
  close(): void;
  /** Drops the TCP connection without a close frame (a network failure). */
  drop(): void;
  closed: Promise<void>;
}

export interface WsServer {
  origin: string;
  connections: WsConnection[];
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65_536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
  return Buffer.concat([head, payload]);
}

export async function startWsServer(onConnection: (connection: WsConnection) => void): Promise<WsServer> {
  const server = http.createServer((_req, res) => res.writeHead(426).end('WebSocket only'));
  const sockets = new Set<Socket>();
  const connections: WsConnection[] = [];
  server.on('upgrade', (req, socket: Socket) => {
    sockets.add(socket);
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') return socket.destroy();
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    let resolveClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    socket.on('close', () => {
      sockets.delete(socket);
      resolveClosed();
    });
    socket.on('error', () => undefined);
    socket.on('data', (data: Buffer) => {
      // Client frames are masked; only the close frame matters here (opcode 8).
      if ((data[0]! & 0x0f) === 8) {
        if (!socket.destroyed) socket.end(frame(8, Buffer.from([0x03, 0xe8])));
      }
    });
    const connection: WsConnection = {
      url: req.url ?? '',
      send: (text) => {
        if (!socket.destroyed) socket.write(frame(1, Buffer.from(text, 'utf8')));
      },
      close: () => {
        if (!socket.destroyed) socket.end(frame(8, Buffer.from([0x03, 0xe8])));
      },
      drop: () => socket.destroy(),
      closed,
    };
    connections.push(connection);
    onConnection(connection);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
