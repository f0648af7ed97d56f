// A stand-in for the public services on 127.0.0.1: it answers with real recorded responses
// (test/fixtures/services, see PROVENANCE.md there), and on request misbehaves as networks
// and services do: 429 with Retry-After, answers slower than a timeout, bodies cut short,
// connections dropped half-way. It never reaches the internet; a request nothing was
// recorded for gets a 404 saying so.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export type ServiceId = 'huggingface' | 'arxiv' | 'crossref';

export interface Recording {
  service: ServiceId;
  /** The path below the service's base address, as the service has it. */
  path: string;
  query: Record<string, string>;
  status: number;
  contentType: string;
  /** The body's file, relative to test/fixtures/services. */
  body: string;
  /** The recording's own request is not known: the request it is served for is ours. */
  requestChosen?: boolean;
}

export type Fault =
  /** 429 Too Many Requests, with this Retry-After (seconds), instead of the answer. */
  | { kind: 'tooManyRequests'; retryAfter?: string; status?: 429 | 503 }
  /** The answer, this much later: longer than a client's timeout, it never arrives. */
  | { kind: 'delay'; ms: number }
  /** The first half of the recorded body, sent as if it were whole. */
  | { kind: 'truncate' }
  /** Half of the body, then the connection closes: the network dropped. */
  | { kind: 'drop' };

export interface FaultRule {
  fault: Fault;
  /** Only requests to this service. */
  service?: ServiceId;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Apply to this many requests, then stop (default: every one). */
  times?: number;
}

export interface Served {
  service: ServiceId | undefined;
  url: string;
  status: number;
  fault?: Fault['kind'];
}

/** Parameters that say who asks, not what: Crossref's `mailto`. */
const IGNORED_PARAMETERS = new Set(['mailto']);

/** The folder of recordings, found from here whether this file runs as is or bundled elsewhere. */
export function recordingsFolder(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'test', 'fixtures', 'services');
    if (existsSync(path.join(candidate, 'recordings.json'))) return candidate;
    if (path.dirname(folder) === folder) throw new Error('test/fixtures/services/recordings.json not found above this file.');
  }
}

export function loadRecordings(folder = recordingsFolder()): Recording[] {
  return JSON.parse(readFileSync(path.join(folder, 'recordings.json'), 'utf8')) as Recording[];
}

export class ReplayServer {
  /** Every request answered, in order. */
  readonly served: Served[] = [];
  private rules: (FaultRule & { seen: number; applied: number })[] = [];
  private readonly bodies = new Map<string, Buffer>();

  private constructor(
    private readonly server: Server,
    private readonly recordings: Recording[],
    private readonly folder: string,
  ) {}

  static async start(options: { recordings?: Recording[]; folder?: string } = {}): Promise<ReplayServer> {
    const folder = options.folder ?? recordingsFolder();
    const recordings = options.recordings ?? loadRecordings(folder);
    const server = createServer();
    const replay = new ReplayServer(server, recordings, folder);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => replay.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return replay;
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The base address standing for a service. */
  url(service: ServiceId): string {
    return `${this.origin}/${service}`;
  }

  /** Requests answered for `service` (all services when none is named). */
  count(service?: ServiceId): number {
    return this.served.filter((served) => !service || served.service === service).length;
  }

  fault(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, applied: 0 });
  }

  clearFaults(): void {
    this.rules = [];
  }

  reset(): void {
    this.clearFaults();
    this.served.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.origin);
    const [, first = '', ...rest] = url.pathname.split('/');
    const service = (['huggingface', 'arxiv', 'crossref'] as const).find((id) => id === first);
    const servicePath = decodePath(`/${rest.join('/')}`);
    const recording = service && request.method === 'GET' ? this.recordings.find((r) => r.service === service && r.path === servicePath && sameQuery(r.query, url.searchParams)) : undefined;
    if (!service || !recording) {
      this.served.push({ service, url: url.pathname + url.search, status: 404 });
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`No recording for ${request.method} ${service ? `${service} ${servicePath}` : url.pathname}${url.search} (see test/fixtures/services/recordings.json).\n`);
      return;
    }
    const fault = this.nextFault(service);
    this.served.push({ service, url: url.pathname + url.search, status: fault?.kind === 'tooManyRequests' ? (fault.status ?? 429) : recording.status, fault: fault?.kind });
    const body = this.body(recording);
    const headers = { 'Content-Type': recording.contentType };
    switch (fault?.kind) {
      case 'tooManyRequests':
        response.writeHead(fault.status ?? 429, { 'Content-Type': 'text/plain', ...(fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {}) });
        response.end('Too Many Requests\n');
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          if (!response.destroyed) {
            response.writeHead(recording.status, headers);
            response.end(body);
          }
        }, fault.ms);
        response.on('close', () => clearTimeout(timer));
        return;
      }
      case 'truncate': {
        const half = body.subarray(0, Math.floor(body.length / 2));
        response.writeHead(recording.status, { ...headers, 'Content-Length': String(half.length) });
        response.end(half);
        return;
      }
      case 'drop':
        // The whole body is promised, half of it sent, then the connection is gone.
        response.writeHead(recording.status, { ...headers, 'Content-Length': String(body.length) });
        response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
        return;
      default:
        response.writeHead(recording.status, { ...headers, 'Content-Length': String(body.length) });
        response.end(body);
    }
  }

  private nextFault(service: ServiceId): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.service && rule.service !== service) continue;
      if (rule.seen++ < (rule.skip ?? 0)) continue;
      if (rule.applied >= (rule.times ?? Number.POSITIVE_INFINITY)) continue;
      rule.applied++;
      return rule.fault;
    }
    return undefined;
  }

  private body(recording: Recording): Buffer {
    let body = this.bodies.get(recording.body);
    if (!body) {
      body = readFileSync(path.join(this.folder, recording.body));
      this.bodies.set(recording.body, body);
    }
    return body;
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The same parameters with the same values, in any order (`mailto` aside). */
function sameQuery(recorded: Record<string, string>, asked: URLSearchParams): boolean {
  const given = [...asked].filter(([name]) => !IGNORED_PARAMETERS.has(name));
  const wanted = Object.entries(recorded).filter(([name]) => !IGNORED_PARAMETERS.has(name));
  if (given.length !== wanted.length) return false;
  return wanted.every(([name, value]) => asked.getAll(name).length === 1 && asked.get(name) === value);
}
