// Complete Metadata: for each paper that lacks authors or an identifier, asks the public
// services, takes a record only when it is surely the paper (see match.ts), and says what
// became of every paper. A run that is cancelled or loses the network returns what it had
// resolved by then, so the caller saves it.
import type { Paper } from '../paper/paper';
import { ARXIV_INTERVAL_MS, ARXIV_URL, ArxivClient } from './arxiv';
import { CROSSREF_URL, CrossrefClient } from './crossref';
import { defaultSleep, ServiceError, type FetchLike, type Sleep } from './http';
import { HUGGING_FACE_URL, HuggingFaceClient } from './huggingFace';
import type { Identifier } from './identifiers';
import { identifiedMatch, matchTitle, titlesClose, type Found, type Match, type ServiceName, type Wanted } from './match';
import { normalizeTitle } from '../util/text';

/** Pauses between requests to Hugging Face and Crossref (arXiv's is ARXIV_INTERVAL_MS). */
const HUGGING_FACE_INTERVAL_MS = 250;
const CROSSREF_INTERVAL_MS = 250;

/** Daily Papers lists a paper on the day of its arXiv date or in the week after. */
const FIRST_DAYS = [0, 1];
const LATER_DAYS = [2, 3, 4, 5, 6, 7];

export interface ServiceSettings {
  fetch: FetchLike;
  /** `Lit Review/<version>`. */
  userAgent: string;
  /** Base addresses, for mirrors and tests; the public services by default. */
  huggingFaceUrl?: string;
  arxivUrl?: string;
  crossrefUrl?: string;
  /** Crossref's polite pool: an address it may write to. */
  mailto?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /**
   * Pauses between requests, by service. By default each public service's own; a service
   * on this machine (a mirror, a test server) gets none.
   */
  minIntervalMs?: Partial<Record<'huggingFace' | 'arxiv' | 'crossref', number>>;
  sleep?: Sleep;
  now?: () => number;
  /** Cancels the run: what was resolved so far is returned. */
  signal?: AbortSignal;
}

export interface Services {
  huggingFace: HuggingFaceClient;
  arxiv: ArxivClient;
  crossref: CrossrefClient;
  signal?: AbortSignal;
  now: () => number;
}

/** `Lit Review/0.1.0`: how the services know who is asking. */
export function userAgent(version: string): string {
  return `Lit Review/${version}`;
}

export function createServices(settings: ServiceSettings): Services {
  const common = { fetch: settings.fetch, userAgent: settings.userAgent, timeoutMs: settings.timeoutMs, retries: settings.retries, backoffMs: settings.backoffMs, sleep: settings.sleep ?? defaultSleep, now: settings.now, signal: settings.signal };
  const interval = (name: 'huggingFace' | 'arxiv' | 'crossref', url: string, ms: number): number => settings.minIntervalMs?.[name] ?? (isLocal(url) ? 0 : ms);
  const huggingFaceUrl = settings.huggingFaceUrl ?? HUGGING_FACE_URL;
  const arxivUrl = settings.arxivUrl ?? ARXIV_URL;
  const crossrefUrl = settings.crossrefUrl ?? CROSSREF_URL;
  return {
    huggingFace: new HuggingFaceClient({ ...common, baseUrl: huggingFaceUrl, minIntervalMs: interval('huggingFace', huggingFaceUrl, HUGGING_FACE_INTERVAL_MS) }),
    arxiv: new ArxivClient({ ...common, baseUrl: arxivUrl, minIntervalMs: interval('arxiv', arxivUrl, ARXIV_INTERVAL_MS) }),
    crossref: new CrossrefClient({ ...common, baseUrl: crossrefUrl, minIntervalMs: interval('crossref', crossrefUrl, CROSSREF_INTERVAL_MS) }, settings.mailto),
    signal: settings.signal,
    now: settings.now ?? Date.now,
  };
}

/** A service on this machine is not the public one: it needs no pause between requests. */
function isLocal(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Requests made so far to all three services. */
export function requestCount(services: Services): number {
  return services.huggingFace.http.requests + services.arxiv.http.requests + services.crossref.http.requests;
}

/** A paper worth completing: it names no author, or has neither an arXiv id nor a DOI. */
export function needsResolving(paper: Paper): boolean {
  return !paper.container && (paper.authors.length === 0 || (!paper.arxivId && !paper.doi));
}

export interface PaperRef {
  key: string;
  title: string;
}

export interface ResolveSummary {
  /** Papers a service surely described, with what it said. */
  resolved: (PaperRef & { found: Found })[];
  /** Papers with several possible records, or one that is close but not surely it: a person chooses. */
  ambiguous: (PaperRef & { candidates: Found[] })[];
  /** Papers every service answered for, none with the paper. */
  notFound: PaperRef[];
  /** Papers a service could not be asked about, and why. */
  failed: (PaperRef & { reason: string })[];
  /** Papers not looked up because the run was cancelled. */
  notTried: PaperRef[];
  cancelled: boolean;
  /** Papers that needed completing. */
  total: number;
  requests: number;
  ms: number;
}

export interface ResolveOptions {
  /** After each paper: how many of how many are done. */
  onProgress?: (done: number, total: number, paper: PaperRef) => void;
  /** Every paper of the library, to notice an identifier another paper already has. */
  library?: readonly Paper[];
  /** The services asked about a title, in this order of preference (all three by default). */
  titleServices?: readonly ServiceName[];
}

type Outcome = { kind: 'resolved'; found: Found } | { kind: 'ambiguous'; candidates: Found[] } | { kind: 'notFound' } | { kind: 'failed'; reason: string };

/**
 * Looks up every paper of `papers` that needs it: papers with an arXiv id at arXiv (a hundred
 * ids a request), with a DOI at Crossref, and by title first at Hugging Face (the days of
 * Daily Papers around the paper's date, then its search), then arXiv and Crossref title
 * queries. Never throws for a service's failure or a cancellation: the summary says it.
 */
export async function resolvePapers(papers: readonly Paper[], services: Services, options: ResolveOptions = {}): Promise<ResolveSummary> {
  const started = services.now();
  const targets = papers.filter(needsResolving);
  const summary: ResolveSummary = { resolved: [], ambiguous: [], notFound: [], failed: [], notTried: [], cancelled: false, total: targets.length, requests: 0, ms: 0 };
  const run = new Run(services, options.titleServices ?? ['Hugging Face', 'arXiv', 'Crossref']);
  let done = 0;
  const record = (paper: Paper, outcome: Outcome): void => {
    const ref = { key: paper.key, title: paper.title };
    if (outcome.kind === 'resolved') {
      const holder = conflictingHolder(paper, outcome.found, options.library ?? papers);
      if (holder) summary.failed.push({ ...ref, reason: `${holder.id} is already in the library as ${holder.key}: the two may be one paper listed twice.` });
      else summary.resolved.push({ ...ref, found: outcome.found });
    } else if (outcome.kind === 'ambiguous') summary.ambiguous.push({ ...ref, candidates: outcome.candidates });
    else if (outcome.kind === 'notFound') summary.notFound.push(ref);
    else summary.failed.push({ ...ref, reason: outcome.reason });
    options.onProgress?.(++done, targets.length, ref);
  };
  const remaining = new Set(targets);
  try {
    // By arXiv id: all of them in as few requests as arXiv allows.
    const withArxiv = targets.filter((paper) => arxivIdOf(paper));
    if (withArxiv.length) {
      const outcomes = await run.byArxivIds(withArxiv);
      for (const paper of withArxiv) {
        record(paper, outcomes.get(paper)!);
        remaining.delete(paper);
      }
    }
    for (const paper of targets) {
      if (!remaining.has(paper)) continue;
      run.checkCancelled();
      record(paper, paper.doi ? await run.byDoi(paper) : await run.byTitle(paper));
      remaining.delete(paper);
    }
    await run.enrich(summary.resolved);
  } catch (error) {
    if (!(error instanceof ServiceError && error.kind === 'cancelled')) throw error;
    summary.cancelled = true;
    summary.notTried = [...remaining].map((paper) => ({ key: paper.key, title: paper.title }));
  }
  summary.requests = requestCount(services);
  summary.ms = services.now() - started;
  return summary;
}

/** The one paper an identifier names: arXiv for an arXiv id, Crossref for a DOI. */
export async function lookUpIdentifier(identifier: Exclude<Identifier, { kind: 'bibtex' }>, services: Services): Promise<Found | undefined> {
  if (identifier.kind === 'arxiv') return (await services.arxiv.byIds([identifier.arxivId])).get(identifier.arxivId.toLowerCase());
  return services.crossref.byDoi(identifier.doi);
}

function arxivIdOf(paper: Paper): string | undefined {
  if (paper.arxivId) return paper.arxivId;
  const doi = /^10\.48550\/arxiv\.(.+)$/i.exec(paper.doi ?? '');
  return doi?.[1];
}

function wantedOf(paper: Paper): Wanted {
  return { title: paper.title, year: paper.year, arxivId: paper.arxivId, doi: paper.doi };
}

/** Another paper of the library that already has the identifier a service gave. */
function conflictingHolder(paper: Paper, found: Found, library: readonly Paper[]): { id: string; key: string } | undefined {
  for (const other of library) {
    if (other.key === paper.key) continue;
    if (found.arxivId && other.arxivId?.toLowerCase() === found.arxivId.toLowerCase()) return { id: `arXiv:${found.arxivId}`, key: other.key };
    if (found.doi && other.doi === found.doi && !found.doi.startsWith('10.48550/')) return { id: `doi:${found.doi}`, key: other.key };
  }
  return undefined;
}

/** One run's state: which services have stopped answering, and why. */
class Run {
  /** A service that timed out or could not be reached is not asked again this run. */
  private readonly down = new Map<ServiceName, string>();

  constructor(
    private readonly services: Services,
    private readonly titleServices: readonly ServiceName[],
  ) {}

  checkCancelled(): void {
    if (this.services.signal?.aborted) throw new ServiceError('Cancelled.', 'cancelled');
  }

  /** Asks `service`; a failure becomes its reason (cancellation goes on up). */
  private async ask<T>(service: ServiceName, reasons: string[], question: () => Promise<T>): Promise<T | undefined> {
    const down = this.down.get(service);
    if (down) {
      if (!reasons.includes(down)) reasons.push(down);
      return undefined;
    }
    try {
      return await question();
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (error.kind === 'cancelled') throw error;
      if (error.kind === 'network' || error.kind === 'timeout') this.down.set(service, error.message);
      if (!reasons.includes(error.message)) reasons.push(error.message);
      return undefined;
    }
  }

  async byArxivIds(papers: Paper[]): Promise<Map<Paper, Outcome>> {
    const reasons: string[] = [];
    const found = await this.ask('arXiv', reasons, () => this.services.arxiv.byIds(papers.map((paper) => arxivIdOf(paper)!)));
    const outcomes = new Map<Paper, Outcome>();
    for (const paper of papers) {
      const record = found?.get(arxivIdOf(paper)!.toLowerCase());
      if (!found) outcomes.set(paper, { kind: 'failed', reason: reasons.join(' ') });
      else outcomes.set(paper, record ? outcomeOf(identifiedMatch(wantedOf(paper), record)) : { kind: 'notFound' });
    }
    return outcomes;
  }

  async byDoi(paper: Paper): Promise<Outcome> {
    const reasons: string[] = [];
    const found = await this.ask('Crossref', reasons, () => this.services.crossref.byDoi(paper.doi!));
    if (found) return outcomeOf(identifiedMatch(wantedOf(paper), found));
    return reasons.length ? { kind: 'failed', reason: reasons.join(' ') } : { kind: 'notFound' };
  }

  /** By title: Hugging Face, then arXiv, then Crossref, until one surely has it. */
  async byTitle(paper: Paper): Promise<Outcome> {
    const wanted = wantedOf(paper);
    const reasons: string[] = [];
    const candidates: Found[] = [];
    const { huggingFace, arxiv, crossref } = this.services;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(paper.date ?? '') ? paper.date : undefined;
    type Step = [ServiceName, () => Promise<Found | undefined>];
    const steps: Step[] = [
      ...(day ? [['Hugging Face', () => this.onDays(wanted, day, FIRST_DAYS, reasons)] satisfies Step] : []),
      ['Hugging Face', () => this.search('Hugging Face', wanted, reasons, candidates, () => huggingFace.search(paper.title))],
      ...(day ? [['Hugging Face', () => this.onDays(wanted, day, LATER_DAYS, reasons)] satisfies Step] : []),
      ['arXiv', () => this.search('arXiv', wanted, reasons, candidates, () => arxiv.byTitle(paper.title))],
      ['Crossref', () => this.search('Crossref', wanted, reasons, candidates, () => crossref.byTitle(paper.title))],
    ];
    const order = (service: ServiceName): number => this.titleServices.indexOf(service);
    const chosen = steps.filter(([service]) => order(service) >= 0).sort((a, b) => order(a[0]) - order(b[0]));
    for (const [, step] of chosen) {
      this.checkCancelled();
      const found = await step();
      if (found) return { kind: 'resolved', found };
    }
    const offered = matchTitle(wanted, candidates);
    if (offered.kind === 'ambiguous') return offered;
    if (reasons.length) return { kind: 'failed', reason: reasons.join(' ') };
    return { kind: 'notFound' };
  }

  /** Daily Papers of the days `offsets` after `day`: only the very title counts there. */
  private async onDays(wanted: Wanted, day: string, offsets: number[], reasons: string[]): Promise<Found | undefined> {
    for (const offset of offsets) {
      const listed = await this.ask('Hugging Face', reasons, () => this.services.huggingFace.dailyPapers(addDays(day, offset)));
      const match = listed ? matchTitle(wanted, listed) : undefined;
      if (match?.kind === 'exact') return match.found;
    }
    return undefined;
  }

  private async search(service: ServiceName, wanted: Wanted, reasons: string[], candidates: Found[], question: () => Promise<Found[]>): Promise<Found | undefined> {
    const results = await this.ask(service, reasons, question);
    if (!results) return undefined;
    const match = matchTitle(wanted, results);
    if (match.kind === 'exact') return match.found;
    if (match.kind === 'ambiguous') candidates.push(...match.candidates);
    return undefined;
  }

  /**
   * Papers Hugging Face resolved, completed from arXiv (its primary category, a DOI, a
   * journal) in one batch. What arXiv cannot say now is simply not added.
   */
  async enrich(resolved: { found: Found }[]): Promise<void> {
    const fromHf = resolved.filter((entry) => entry.found.service === 'Hugging Face' && entry.found.arxivId);
    if (!fromHf.length || !this.titleServices.includes('arXiv')) return;
    const reasons: string[] = [];
    const found = await this.ask('arXiv', reasons, () => this.services.arxiv.byIds(fromHf.map((entry) => entry.found.arxivId!)));
    if (!found) return;
    for (const entry of fromHf) {
      const record = found.get(entry.found.arxivId!.toLowerCase());
      if (record && titlesAgree(record.title, entry.found.title)) entry.found = completedBy(entry.found, record);
    }
  }
}

function outcomeOf(match: Match): Outcome {
  if (match.kind === 'exact') return { kind: 'resolved', found: match.found };
  if (match.kind === 'ambiguous') return match;
  return { kind: 'notFound' };
}

function titlesAgree(a: string, b: string): boolean {
  const [x, y] = [normalizeTitle(a), normalizeTitle(b)];
  return x === y || titlesClose(x, y);
}

/** `found`'s fields, with what `more` adds. */
function completedBy(found: Found, more: Found): Found {
  return {
    ...found,
    authors: found.authors.length >= more.authors.length ? found.authors : more.authors,
    doi: found.doi ?? more.doi,
    venue: found.venue ?? more.venue,
    primaryClass: found.primaryClass ?? more.primaryClass,
    abstract: found.abstract ?? more.abstract,
    links: [...new Set([...found.links, ...more.links])],
  };
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
