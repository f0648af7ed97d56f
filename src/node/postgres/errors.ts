// What went wrong with the server, in the few kinds the editor and the command line tell
// apart: a server that cannot be reached, a slow one, a refused login, a database nothing
// was published to, and anything else.
import { SharedLibraryError, type SharedLibraryFailure } from './types';

/** Socket errors that mean no server answered at that address. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'ENOENT']);

/**
 * SQLSTATEs by kind. 57014 is a cancelled statement (statement_timeout); 28xxx a refused
 * login; 3F000 and 42P01 a missing schema or table, that is, nothing published yet; 08xxx
 * and 57P0x a connection lost or a server shutting down or starting up.
 */
function failureOfSqlState(state: string): SharedLibraryFailure | undefined {
  if (state === '57014') return 'timeout';
  if (state === '28P01' || state === '28000') return 'authentication';
  if (state === '3F000' || state === '42P01') return 'not-published';
  if (state.startsWith('08') || /^57P0[1-3]$/.test(state)) return 'unreachable';
  return undefined;
}

/** The failure an error from pg, the socket or a timer stands for. */
export function failureOf(error: unknown): SharedLibraryFailure {
  if (error instanceof SharedLibraryError) return error.failure;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    if (UNREACHABLE_CODES.has(code)) return 'unreachable';
    const byState = /^[0-9A-Z]{5}$/.test(code) ? failureOfSqlState(code) : undefined;
    if (byState) return byState;
  }
  const message = error instanceof Error ? error.message : String(error);
  // pg's own words when the connection fails before or after the server speaks.
  if (/timeout expired|Connection terminated|connection timeout|connect ETIMEDOUT|Client has encountered a connection error/i.test(message)) return 'unreachable';
  if (/password authentication failed|SASL|client password must be a string|no password/i.test(message)) return 'authentication';
  return 'error';
}

const PREFIX: Record<SharedLibraryFailure, string> = {
  unreachable: 'The shared library cannot be reached',
  timeout: 'The shared library did not answer in time',
  authentication: 'The shared library refused the login',
  'not-published': 'Nothing has been published to this database yet',
  error: 'The shared library failed',
};

/** An error as a SharedLibraryError, its message saying where (never with a password). */
export function sharedLibraryError(error: unknown, where?: string): SharedLibraryError {
  if (error instanceof SharedLibraryError) return error;
  const failure = failureOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const place = where ? ` (${where})` : '';
  const hint = failure === 'not-published' ? ': run `lit-review publish --library DIR --postgres URL` first' : '';
  return new SharedLibraryError(failure, `${PREFIX[failure]}${place}${hint}: ${detail}`);
}
