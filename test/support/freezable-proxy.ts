/**
 * A TCP proxy the test controls, in front of a real Redis or PostgreSQL: `freeze()` stops every byte in both
 * directions and holds new connections (as a server stopped with SIGSTOP would, without touching the shared server
 * other tests use); `thaw()` lets everything through again, in order.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FreezableProxy {
  /** The target URL with host and port replaced by the proxy's. */
  readonly url: string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(targetUrl: string, defaultPort: number): Promise<FreezableProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || defaultPort);
  const sockets = new Set<Socket>();
  let frozen = false;
  const held: Array<() => void> = [];

  /** Bytes that arrived while frozen, per direction, sent in order on thaw. */
  const waiting: Array<() => void> = [];
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (frozen) waiting.push(() => to.write(chunk));
      else to.write(chunk);
    });
  };
  const pipe = (client: Socket) => {
    const upstream = connect({ host: target.hostname, port: targetPort });
    sockets.add(upstream);
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    if (frozen) held.push(() => pipe(client));
    else pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const send of waiting.splice(0)) send();
      for (const start of held.splice(0)) start();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
