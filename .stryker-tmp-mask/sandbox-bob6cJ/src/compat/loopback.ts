// @ts-nocheck
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExitCode, SpecdriftError } from '../errors.js';

/** Servers specdrift starts listen here and nowhere else. */
export const LOOPBACK = '127.0.0.1';

/** Listen on 127.0.0.1 (port 0 = any free one); a taken port is a usage error naming it. */
export async function listenOnLoopback(server: Server, port = 0): Promise<{ port: number; origin: string }> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new SpecdriftError(`cannot listen on ${LOOPBACK}:${port}: ${error.code ?? error.message}`, ExitCode.usage, {
          hint: error.code === 'EADDRINUSE' ? 'pick another --port, or 0 for a free one' : undefined,
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return { port: actual, origin: `http://${LOOPBACK}:${actual}` };
}
