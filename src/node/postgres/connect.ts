// Connections to the shared library's server: the settings read from the connection string,
// the PG* variables, the service file and ~/.pgpass (see connectionSettings.ts), then a pool
// of pg clients that each start with the schema on their search path and their timeouts set.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { resolveConnection, type ConnectionSettings } from './connectionSettings';
import { SCHEMA } from './schema';

/** The folders libpq's builds look for a server's socket in, when no host is named. */
const SOCKET_FOLDERS = ['/var/run/postgresql', '/tmp'];

/** The settings for a connection string (or none: the environment alone), as psql would read them. */
export function readConnectionSettings(connectionString?: string, password?: string): ConnectionSettings {
  return resolveConnection({
    connectionString,
    password,
    env: process.env,
    home: os.homedir(),
    osUser: userName(),
    defaultHost: (port) => (process.platform === 'win32' ? undefined : SOCKET_FOLDERS.find((folder) => existsSync(path.join(folder, `.s.PGSQL.${port}`)))) ?? 'localhost',
    readFile: (file) => readText(file),
    readPasswordFile: (file) => {
      // As libpq: a password file others may read is ignored.
      if (process.platform !== 'win32' && ((statSync(file, { throwIfNoEntry: false })?.mode ?? 0) & 0o077) !== 0) return undefined;
      return readText(file);
    },
  });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function userName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

export interface PoolOptions {
  /** The server cancels a statement after this long; 0 for never (publishing). */
  statementTimeoutMs: number;
  /**
   * Every look-up a reader makes has its index; a LIMIT can still tempt the planner into
   * reading the whole table in the hope of finding a few rows early (a second at 100k
   * papers). Readers turn sequential scans off, which leaves them to small tables only.
   */
  indexesOnly?: boolean;
  connectTimeoutMs: number;
  applicationName: string;
  max: number;
}

/**
 * With sequential scans off, plans look costly enough for the server to compile them
 * (JIT), which takes longer than any search here: readers never compile.
 */
const READER_SETTINGS = ' -c enable_seqscan=off -c jit=off';

/** A pool for the settings. Its clients' errors while idle (a server going away) never crash the process. */
export function openPool(settings: ConnectionSettings, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    host: settings.host,
    port: settings.port,
    user: settings.user,
    database: settings.database,
    // Without a password, pg would read ~/.pgpass itself; an empty one lets a server that
    // asks for a password refuse the login instead.
    password: settings.password ?? (() => ''),
    ssl: sslOption(settings.sslmode),
    application_name: settings.applicationName ?? options.applicationName,
    connectionTimeoutMillis: settings.connectTimeoutSeconds ? Math.min(settings.connectTimeoutSeconds * 1000, options.connectTimeoutMs) : options.connectTimeoutMs,
    statement_timeout: options.statementTimeoutMs > 0 ? options.statementTimeoutMs : undefined,
    // The schema's tables and pg_trgm's operators by their plain names, wherever the extension lives.
    options: `-c search_path=${SCHEMA},public${options.indexesOnly ? READER_SETTINGS : ''}`,
    max: options.max,
    idleTimeoutMillis: 30_000,
    // A command-line run ends when its work does, not when idle connections time out.
    allowExitOnIdle: true,
  });
  pool.on('error', () => {
    // An idle client lost its server: the next query finds out and says so.
  });
  return pool;
}

/** libpq's sslmode as pg's ssl option: require encrypts without checking the certificate, verify-* check it. */
function sslOption(sslmode: string | undefined): pg.PoolConfig['ssl'] {
  switch (sslmode) {
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
    case 'verify-full':
      return true;
    default:
      // disable, allow and prefer: plain connections, as pg makes by default.
      return false;
  }
}
