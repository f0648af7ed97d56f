// A throwaway PostgreSQL for the tests and the benchmark: initdb into a temporary folder, the
// server on a free port of 127.0.0.1 (and its socket in that folder), stopped and deleted by
// stop(), and also when the process exits, so a failed test never leaves a server behind.
// PostgreSQL refuses to run as root: as root, the server runs as Debian's `postgres` user.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** `postgres://user:password@127.0.0.1:port/database` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** The data folder (also holds the Unix socket and the server's log). */
  readonly folder: string;
  /** The server's log so far: for a failing test's message. */
  log(): string;
  /** Stops the server at once (an immediate shutdown, as a crash would) without deleting the data. */
  kill(): void;
  /** Starts a killed server again on the same port. */
  restart(): void;
  /** Stops the server and deletes its folder. */
  stop(): void;
}

/** The folder of PostgreSQL's server programs: the newest Debian version, else the PATH. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().replace(/\/initdb$/, '') : undefined;
}

/** Why no cluster can start here, or undefined when one can. */
export function clusterUnavailable(): string | undefined {
  if (!postgresBinDir()) return 'PostgreSQL is not installed (Debian: apt-get install postgresql postgresql-contrib)';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root, and there is no `postgres` user to run the server as';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

const running = new Set<Cluster>();
let exitHookInstalled = false;

export interface ClusterOptions {
  database?: string;
  /** Server settings beyond the defaults (`shared_buffers: '1GB'`, say), for the benchmark's sizes. */
  settings?: Record<string, string>;
}

/** Starts a fresh cluster with a password-protected superuser; `database` is created empty. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const why = clusterUnavailable();
  if (why) throw new Error(`Cannot start PostgreSQL: ${why}`);
  const bin = postgresBinDir()!;
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'lit-review-pg-'));
  const data = join(folder, 'data');
  const user = 'litreview';
  const password = randomBytes(12).toString('hex');
  const database = options.database ?? 'library';
  const port = await freePort();

  const run = (program: string, args: string[], extra: SpawnSyncOptions = {}) => {
    const command = asRoot ? 'runuser' : join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8', ...extra });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`}):\n${String(result.stderr ?? '')}${String(result.stdout ?? '')}`);
    return String(result.stdout ?? '');
  };
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(folder, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
  }
  const pwfile = join(folder, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  if (asRoot) chownSync(pwfile, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
  run('initdb', ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  rmSync(pwfile, { force: true });

  const logFile = join(folder, 'server.log');
  const extra = Object.entries(options.settings ?? {}).map(([name, value]) => ` -c ${name}=${value}`).join('');
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra}`, 'start'], { stdio: ['ignore', 'pipe', 'pipe'] });
  start();
  run('psql', ['-h', folder, '-p', String(port), '-U', user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${database}`]);

  let stopped = false;
  const halt = () => spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
  const cluster: Cluster = {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    host: '127.0.0.1',
    port,
    user,
    password,
    database,
    folder,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    kill: () => void halt(),
    restart: () => void start(),
    stop: () => {
      if (stopped) return;
      stopped = true;
      halt();
      rmSync(folder, { recursive: true, force: true });
      running.delete(cluster);
    },
  };
  running.add(cluster);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => [...running].forEach((each) => each.stop()));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        [...running].forEach((each) => each.stop());
        process.exit(130);
      });
    }
  }
  return cluster;
}
