/*
 * A loopback TCP proxy between the portal and PostgreSQL that the fault runner controls, so that
 * "the database is down" can be staged without touching the machine's shared server:
 *   - down():      every open connection is cut and new ones are refused (as when PostgreSQL stops);
 *   - partition(): connections are accepted but nothing passes either way (a silent network);
 *   - up():        traffic flows again on the same port.
 */
import net from 'node:net';

export type TProxyMode = 'up' | 'down' | 'partition';

export interface TTcpProxy {
  port: number;
  mode: () => TProxyMode;
  up: () => Promise<void>;
  down: () => Promise<void>;
  partition: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TTcpProxy> {
  let mode: TProxyMode = 'up';
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const onConnection = (client: net.Socket) => {
    track(client);
    // A partitioned connection is held open and silent: the client's bytes go nowhere.
    if (mode === 'partition') return void client.pause();
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };

  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };

  const port = await listen(0);

  return {
    port,
    mode: () => mode,
    async up() {
      if (mode === 'partition') cutAll();
      mode = 'up';
      if (!server.listening) {
        server = net.createServer(onConnection);
        await listen(port);
      }
    },
    async down() {
      mode = 'down';
      cutAll();
      await stopListening();
    },
    async partition() {
      // Open connections go silent too: their bytes are no longer forwarded.
      mode = 'partition';
      for (const socket of sockets) {
        socket.unpipe();
        socket.pause();
      }
      if (!server.listening) {
        server = net.createServer(onConnection);
        await listen(port);
      }
    },
    async close() {
      cutAll();
      await stopListening();
    },
  };
}
