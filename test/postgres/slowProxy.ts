// A TCP proxy in front of a server that holds every chunk back for a while, both ways: a
// server that does answer, but slowly, as over a congested link. The delay can change while
// connections are open, so a client can connect quickly and then find its queries slow.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface SlowProxy {
  readonly host: string;
  readonly port: number;
  /** How long each chunk is held back from now on, in milliseconds. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

export async function startSlowProxy(target: { host: string; port: number }, delayMs: number): Promise<SlowProxy> {
  let delay = delayMs;
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  /** Forwards `from` to `to`, each chunk after the delay, in the order they came. */
  const pipeSlowly = (from: Socket, to: Socket): void => {
    let last = 0;
    from.on('data', (chunk) => {
      // A chunk never overtakes the one before it, even when the delay shrinks meanwhile.
      const due = Math.max(Date.now() + delay, last);
      last = due;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
      timers.add(timer);
    });
    from.on('end', () => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        to.end();
      }, Math.max(0, last - Date.now()));
      timers.add(timer);
    });
  };

  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipeSlowly(client, upstream);
    pipeSlowly(upstream, client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The proxy has no port.');

  return {
    host: '127.0.0.1',
    port: address.port,
    setDelay: (ms) => {
      delay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
