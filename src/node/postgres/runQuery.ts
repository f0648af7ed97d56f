// One query of a reader, bounded in time three ways: the server cancels it after the
// statement timeout; a timer gives up a little later when the server or the network has
// gone silent (and drops that connection, whose state is unknown); and the caller's
// AbortSignal stops the wait at once (rejecting with the signal's reason), the query
// finishing on its own in the background. Every other failure is a SharedLibraryError.
import type pg from 'pg';
import { failureOf, sharedLibraryError } from './errors';
import { SharedLibraryError } from './types';

/** How much longer than the statement timeout the client waits before it gives up itself. */
const CLIENT_GRACE_MS = 250;

export interface QueryLimits {
  timeoutMs: number;
  signal?: AbortSignal;
  /** The server, for messages (never with a password). */
  where?: string;
}

export async function runQuery<Row extends pg.QueryResultRow>(pool: pg.Pool, text: string, values: unknown[], limits: QueryLimits): Promise<Row[]> {
  const { signal } = limits;
  signal?.throwIfAborted();
  return new Promise<Row[]>((resolve, reject) => {
    let settled = false;
    let client: pg.PoolClient | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: unknown) => settle(() => reject(sharedLibraryError(error, limits.where)));
    const onAbort = () => settle(() => reject(signal!.reason));
    // A connection lost while in use says so here; unheard, it would end the process.
    const onClientError = (error: Error) => {
      release(error);
      fail(error);
    };
    const release = (error?: Error) => {
      const held = client;
      client = undefined;
      if (!held) return;
      held.removeListener('error', onClientError);
      held.release(error);
    };
    // Connecting counts: a server that accepts no connection is as slow as one that never answers.
    const timer = setTimeout(() => {
      settle(() => reject(new SharedLibraryError('timeout', `The shared library did not answer within ${limits.timeoutMs} ms${limits.where ? ` (${limits.where})` : ''}.`)));
      // This connection may be stuck mid-reply: it is closed rather than used again.
      release(new Error('timed out'));
    }, limits.timeoutMs + CLIENT_GRACE_MS);
    signal?.addEventListener('abort', onAbort, { once: true });
    pool.connect().then(
      (connected) => {
        if (settled) {
          connected.release();
          return;
        }
        client = connected;
        connected.on('error', onClientError);
        connected.query<Row>(text, values).then(
          (result) => {
            release();
            settle(() => resolve(result.rows));
          },
          (error: unknown) => {
            // A connection the server dropped must not go back to the pool.
            release(failureOf(error) === 'unreachable' ? (error as Error) : undefined);
            fail(error);
          },
        );
      },
      fail,
    );
  });
}
