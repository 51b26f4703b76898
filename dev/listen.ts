import type { Server } from 'node:http';

/**
 * `server.listen` on 127.0.0.1 as a promise that rejects (EADDRINUSE, EACCES) instead of an
 * unhandled 'error' event that would crash the process with a stack trace.
 */
export const listenOnLoopback = (server: Server, port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
