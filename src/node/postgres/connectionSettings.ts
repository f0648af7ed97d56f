// Where a shared library is and who connects to it, worked out as libpq (psql) does, so
// that a lab's existing PostgreSQL set-up works unchanged: the connection string first,
// then the service it names (PGSERVICE, ~/.pg_service.conf), then the PG* variables, then
// the defaults; the password from the string or service, else PGPASSWORD, else ~/.pgpass.
// Pure: the files and the environment are handed in.

/** A connection's parameters by libpq's keyword (host, port, dbname, user, password, sslmode, ...). */
export type Keywords = Record<string, string>;

export interface ConnectionSettings {
  /** A host name, an address, or the folder of a Unix socket (starting with `/`). */
  host: string;
  port: number;
  user: string;
  database: string;
  password?: string;
  /** libpq's sslmode: disable, allow, prefer, require, verify-ca, verify-full. */
  sslmode?: string;
  applicationName?: string;
  /** connect_timeout, in seconds, when one was given. */
  connectTimeoutSeconds?: number;
}

export interface ConnectionSources {
  connectionString?: string;
  /** A password given apart from the connection string: it wins over every other. */
  password?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder, for ~/.pgpass and ~/.pg_service.conf. */
  home?: string;
  /** The operating system's user name: libpq's default user. */
  osUser?: string;
  /** The host used when none is named (libpq: the Unix socket folder, when the server has a socket there). */
  defaultHost?: (port: number) => string;
  /** A file's text, or undefined when it cannot be read. */
  readFile: (path: string) => string | undefined;
  /** The password file's text: libpq ignores one that others may read. Default: readFile. */
  readPasswordFile?: (path: string) => string | undefined;
}

/** The libpq keywords this reader understands; the URL form's parameters use the same names. */
const ENVIRONMENT: Record<string, string> = {
  host: 'PGHOST',
  hostaddr: 'PGHOSTADDR',
  port: 'PGPORT',
  dbname: 'PGDATABASE',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  passfile: 'PGPASSFILE',
  service: 'PGSERVICE',
  sslmode: 'PGSSLMODE',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

export class ConnectionStringError extends Error {}

/**
 * `postgres://…` / `postgresql://…`, libpq's `key=value key='quoted value'` form, or a
 * bare name, which names a service of the service file (as `service=name` would).
 */
export function parseConnectionString(text: string): Keywords {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return parseUrl(trimmed);
  if (/^[\w.-]+$/.test(trimmed)) return { service: trimmed };
  return parseKeywordValue(trimmed);
}

function parseUrl(text: string): Keywords {
  // Several hosts (`h1,h2`) and bracketed IPv6 addresses are beyond URL's grammar for a
  // non-special scheme; the first host is the one tried, as libpq tries them in order.
  const match = /^postgres(?:ql)?:\/\/(?:([^@/?#]*)@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?/i.exec(text);
  if (!match) throw new ConnectionStringError('The connection URL is not of the form postgres://user:password@host:port/database.');
  const [, credentials, hostPart = '', database, query] = match;
  const keywords: Keywords = {};
  if (credentials !== undefined) {
    const colon = credentials.indexOf(':');
    const user = decode(colon < 0 ? credentials : credentials.slice(0, colon));
    if (user) keywords.user = user;
    if (colon >= 0) keywords.password = decode(credentials.slice(colon + 1));
  }
  const firstHost = hostPart.split(',')[0] ?? '';
  const hostMatch = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(firstHost);
  if (!hostMatch) throw new ConnectionStringError(`The connection URL's host "${firstHost}" is not a host:port.`);
  const host = decode(hostMatch[1]!.replace(/^\[|\]$/g, ''));
  if (host) keywords.host = host;
  if (hostMatch[2]) keywords.port = hostMatch[2];
  if (database) keywords.dbname = decode(database);
  for (const pair of (query ?? '').split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    keywords[name === 'ssl' ? 'sslmode' : name] = equals < 0 ? '' : decode(pair.slice(equals + 1));
  }
  if (keywords.sslmode === 'true') keywords.sslmode = 'require';
  return keywords;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ConnectionStringError('The connection URL has a malformed %-escape.');
  }
}

/** `host=db.lab port=5432 dbname='my library'`: values may be single-quoted, with \' and \\ inside. */
function parseKeywordValue(text: string): Keywords {
  const keywords: Keywords = {};
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  while (true) {
    skipSpace();
    if (i >= text.length) return keywords;
    const start = i;
    while (i < text.length && text[i] !== '=' && !/\s/.test(text[i]!)) i++;
    const name = text.slice(start, i);
    skipSpace();
    if (text[i] !== '=' || !name) throw new ConnectionStringError(`The connection string has "${name || text.slice(start, start + 10)}" without "=value" after it.`);
    i++;
    skipSpace();
    let value = '';
    if (text[i] === "'") {
      i++;
      for (;;) {
        if (i >= text.length) throw new ConnectionStringError('The connection string has an unterminated quoted value.');
        const c = text[i++]!;
        if (c === "'") break;
        value += c === '\\' && i < text.length ? text[i++]! : c;
      }
    } else {
      while (i < text.length && !/\s/.test(text[i]!)) {
        const c = text[i++]!;
        value += c === '\\' && i < text.length ? text[i++]! : c;
      }
    }
    keywords[name] = value;
  }
}

/**
 * A service file (`pg_service.conf`): `[name]` sections of `keyword=value` lines, `#`
 * comments. Returns the section's keywords, or undefined when the file has no such service.
 */
export function serviceFromFile(text: string, service: string): Keywords | undefined {
  let current: string | undefined;
  let found: Keywords | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      current = section[1]!.trim();
      if (current === service) found ??= {};
      continue;
    }
    if (current !== service) continue;
    const equals = line.indexOf('=');
    if (equals > 0) found![line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
  return found;
}

/** One `hostname:port:database:username:password` line of a password file; `*` matches anything. */
interface PasswordLine {
  fields: [string, string, string, string];
  password: string;
}

/** The lines of a `.pgpass` file, with `\:` and `\\` unescaped. */
export function parsePasswordFile(text: string): PasswordLine[] {
  const lines: PasswordLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    const parts: string[] = [];
    let part = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '\\' && i + 1 < raw.length) part += raw[++i]!;
      else if (c === ':' && parts.length < 4) {
        parts.push(part);
        part = '';
      } else part += c;
    }
    parts.push(part);
    if (parts.length === 5) lines.push({ fields: [parts[0]!, parts[1]!, parts[2]!, parts[3]!], password: parts[4]! });
  }
  return lines;
}

/** The first password line that matches, as libpq reads them: a socket folder is `localhost`. */
export function passwordFor(lines: readonly PasswordLine[], settings: Pick<ConnectionSettings, 'host' | 'port' | 'database' | 'user'>): string | undefined {
  const host = settings.host.startsWith('/') ? 'localhost' : settings.host;
  const wanted = [host, String(settings.port), settings.database, settings.user];
  return lines.find((line) => line.fields.every((field, i) => field === '*' || field === wanted[i]))?.password;
}

/** The connection's settings from everything libpq would read, in libpq's order of say. */
export function resolveConnection(sources: ConnectionSources): ConnectionSettings {
  const { env } = sources;
  const given = sources.connectionString ? parseConnectionString(sources.connectionString) : {};
  const service = given.service ?? env.PGSERVICE;
  let fromService: Keywords = {};
  if (service) {
    const found = findService(service, sources);
    if (!found) throw new ConnectionStringError(`The PostgreSQL service "${service}" is in no service file (PGSERVICEFILE, ~/.pg_service.conf, PGSYSCONFDIR/pg_service.conf).`);
    fromService = found;
  }
  const value = (keyword: string): string | undefined => {
    const found = given[keyword] ?? fromService[keyword] ?? env[ENVIRONMENT[keyword] ?? ''];
    return found === '' ? undefined : found;
  };
  const user = value('user') ?? sources.osUser ?? 'postgres';
  const portText = value('port') ?? '5432';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConnectionStringError(`The port "${portText}" is not a port number.`);
  const settings: ConnectionSettings = {
    host: (value('host') ?? value('hostaddr') ?? sources.defaultHost?.(port) ?? 'localhost').split(',')[0]!,
    port,
    user,
    database: value('dbname') ?? user,
  };
  const sslmode = value('sslmode');
  if (sslmode) settings.sslmode = sslmode;
  const applicationName = value('application_name');
  if (applicationName) settings.applicationName = applicationName;
  const timeout = Number(value('connect_timeout'));
  if (Number.isFinite(timeout) && timeout > 0) settings.connectTimeoutSeconds = timeout;
  const password = sources.password ?? value('password') ?? fromPasswordFile(settings, value('passfile'), sources);
  if (password !== undefined) settings.password = password;
  return settings;
}

function findService(name: string, { env, home, readFile }: ConnectionSources): Keywords | undefined {
  const files = [env.PGSERVICEFILE ?? (home ? `${home}/.pg_service.conf` : undefined), env.PGSYSCONFDIR ? `${env.PGSYSCONFDIR}/pg_service.conf` : undefined];
  for (const file of files) {
    const text = file ? readFile(file) : undefined;
    const found = text === undefined ? undefined : serviceFromFile(text, name);
    if (found) return found;
  }
  return undefined;
}

function fromPasswordFile(settings: ConnectionSettings, passfile: string | undefined, { home, readFile, readPasswordFile = readFile }: ConnectionSources): string | undefined {
  const file = passfile ?? (home ? `${home}/.pgpass` : undefined);
  const text = file ? readPasswordFile(file) : undefined;
  return text === undefined ? undefined : passwordFor(parsePasswordFile(text), settings);
}

/** The settings for a message: no password, ever. */
export function describeConnection(settings: ConnectionSettings): string {
  return `${settings.user}@${settings.host}${settings.host.startsWith('/') ? '' : `:${settings.port}`}/${settings.database}`;
}
