// Polite requests to one public service: a User-Agent naming Lit Review, a timeout per
// request, a pause between requests, a few retries when the service says it is busy (429,
// 503), and cancellation. The fetch and the clock are handed in, so the core stays free of
// any host and tests never wait.

/** The global fetch's shape: all a service client needs of the host. */
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

/** Waits `ms`, or less when `signal` is aborted. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type FailureKind = 'timeout' | 'network' | 'http' | 'malformed' | 'cancelled';

/** A request that did not give an answer, and why, in words a person can act on. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number,
    /** What the service said besides, for a closer look (the start of its answer). */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface ServiceOptions {
  /** Where the service is: its public address, a mirror's, or a test server's. */
  baseUrl: string;
  fetch: FetchLike;
  userAgent: string;
  /** A request that takes longer fails (default 20 s). */
  timeoutMs?: number;
  /** The least time between two requests to this service (arXiv asks for 3 s). */
  minIntervalMs?: number;
  /** Attempts after the first when the service answers 429 or 503 (default 3). */
  retries?: number;
  /** The first retry's wait when the service names none; each next one doubles (default 1 s). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails instead (default 60 s). */
  maxRetryWaitMs?: number;
  sleep?: Sleep;
  now?: () => number;
  /** Cancels every request, waiting or under way. */
  signal?: AbortSignal;
}

export interface Answer {
  status: number;
  text: string;
  url: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** One service's requests, one at a time, with its pause, timeout and retries. */
export class ServiceClient {
  /** Requests sent, retries included. */
  requests = 0;
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    /** The service's name as a person knows it ("arXiv"): failures say it. */
    readonly name: string,
    private readonly options: ServiceOptions,
  ) {}

  /**
   * GET `path` with `query` below the base address. Resolves with every answer but 429 and
   * 503 after the retries (the caller decides what a 404 means); rejects with a
   * ServiceError on timeout, a dropped connection or cancellation.
   */
  get(path: string, query: Record<string, string> = {}): Promise<Answer> {
    const run = this.queue.then(() => this.send(this.url(path, query)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  url(path: string, query: Record<string, string> = {}): string {
    const search = new URLSearchParams(query).toString();
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
  }

  private async send(url: string): Promise<Answer> {
    const { retries = 3, backoffMs = 1000, maxRetryWaitMs = 60_000 } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.pause();
      const answer = await this.once(url);
      if ((answer.status !== 429 && answer.status !== 503) || attempt >= retries) return answer;
      const asked = retryAfterMs(answer.retryAfter, this.now());
      if (asked !== undefined && asked > maxRetryWaitMs) {
        throw new ServiceError(`${this.name} asked to wait ${Math.ceil(asked / 1000)} s before trying again (HTTP ${answer.status}).`, 'http', answer.status);
      }
      await this.wait(asked ?? backoffMs * 2 ** attempt);
    }
  }

  /** Keeps the service's pause between requests. */
  private async pause(): Promise<void> {
    const interval = this.options.minIntervalMs ?? 0;
    const wait = this.lastRequestAt + interval - this.now();
    if (wait > 0) await this.wait(wait);
  }

  private async wait(ms: number): Promise<void> {
    this.throwIfCancelled();
    await (this.options.sleep ?? defaultSleep)(ms, this.options.signal);
    this.throwIfCancelled();
  }

  private throwIfCancelled(): void {
    if (this.options.signal?.aborted) throw new ServiceError('Cancelled.', 'cancelled');
  }

  private async once(url: string): Promise<Answer & { retryAfter: string | null }> {
    this.throwIfCancelled();
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = (): void => controller.abort();
    this.options.signal?.addEventListener('abort', cancel, { once: true });
    this.requests++;
    this.lastRequestAt = this.now();
    try {
      const response = await this.options.fetch(url, { headers: { 'User-Agent': this.options.userAgent, Accept: '*/*' }, signal: controller.signal });
      // The body is read under the same timeout: a service that stops half-way fails too.
      const text = await response.text();
      return { status: response.status, text, url, retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      if (this.options.signal?.aborted) throw new ServiceError('Cancelled.', 'cancelled');
      if (timedOut) throw new ServiceError(`${this.name} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`, 'timeout');
      throw new ServiceError(`${this.name} could not be reached: ${reasonOf(error)}.`, 'network');
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener('abort', cancel);
      this.lastRequestAt = this.now();
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** Retry-After as milliseconds: a number of seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What went wrong with the connection: node puts the useful part in `cause`. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? (cause as Error & { code?: string }).code ?? cause.message : undefined;
  const outer = error instanceof Error ? error.message : String(error);
  return inner && inner !== outer ? `${outer} (${inner})` : outer;
}

/** A service's answer that is not what it should be: its status, and the start of the body as detail. */
export function unexpected(name: string, answer: Answer): ServiceError {
  const start = answer.text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new ServiceError(`${name} answered HTTP ${answer.status}.`, 'http', answer.status, start || undefined);
}

/** JSON from a service, or a ServiceError saying the answer was malformed. */
export function parseJson(name: string, answer: Answer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new ServiceError(`${name} sent an answer that is not valid JSON (${answer.text.length} characters).`, 'malformed');
  }
}
