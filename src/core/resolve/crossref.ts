// Crossref's REST API: a work by its DOI (`/works/{doi}`, 404 when Crossref has none) and a
// title query (`/works?query.title=`). Records are checked with lenient schemas: Crossref
// adds fields often, and one odd field never hides the rest.
import { z } from 'zod';
import { formatDate, parseDoiField, squash } from '../util/text';
import { parseJson, unexpected, ServiceClient, ServiceError, type ServiceOptions } from './http';
import type { Found } from './match';

export const CROSSREF_URL = 'https://api.crossref.org';
const NAME = 'Crossref';

const DateParts = z.looseObject({ 'date-parts': z.array(z.array(z.number().nullable())).nullish() }).nullish();

const WorkSchema = z.looseObject({
  DOI: z.string(),
  title: z.array(z.string()).nullish(),
  author: z.array(z.looseObject({ given: z.string().nullish(), family: z.string().nullish(), name: z.string().nullish() })).nullish(),
  type: z.string().nullish(),
  'container-title': z.array(z.string()).nullish(),
  issued: DateParts,
  published: DateParts,
  abstract: z.string().nullish(),
  URL: z.string().nullish(),
});
type Work = z.infer<typeof WorkSchema>;

/** Crossref's work types as BibTeX entry types. */
const ENTRY_TYPES: Record<string, string> = {
  'journal-article': 'article',
  'proceedings-article': 'inproceedings',
  'book-chapter': 'incollection',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  dissertation: 'phdthesis',
  report: 'techreport',
  'posted-content': 'misc',
};

export class CrossrefClient {
  readonly http: ServiceClient;

  constructor(
    options: ServiceOptions,
    /** An address Crossref may write to about the requests: it puts them in its polite pool. */
    private readonly mailto?: string,
  ) {
    this.http = new ServiceClient(NAME, options);
  }

  /** The work with this DOI, or undefined when Crossref has none. */
  async byDoi(doi: string): Promise<Found | undefined> {
    const answer = await this.http.get(`/works/${encodeURIComponent(doi)}`, this.contact());
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw unexpected(NAME, answer);
    const message = (parseJson(NAME, answer) as { message?: unknown } | null)?.message;
    const work = WorkSchema.safeParse(message);
    if (!work.success) throw new ServiceError(`${NAME} sent a work record that could not be read.`, 'malformed');
    return workOf(work.data);
  }

  /** The works whose titles best match `title`, best first. */
  async byTitle(title: string, rows = 1): Promise<Found[]> {
    const answer = await this.http.get('/works', { 'query.title': title, rows: String(rows), ...this.contact() });
    if (answer.status !== 200) throw unexpected(NAME, answer);
    const items = (parseJson(NAME, answer) as { message?: { items?: unknown } } | null)?.message?.items;
    if (!Array.isArray(items)) throw new ServiceError(`${NAME} sent a list of works that could not be read.`, 'malformed');
    return items.flatMap((item) => {
      const work = WorkSchema.safeParse(item);
      return work.success ? (workOf(work.data) ?? []) : [];
    });
  }

  private contact(): Record<string, string> {
    return this.mailto ? { mailto: this.mailto } : {};
  }
}

function workOf(work: Work): Found | undefined {
  const title = squash(stripTags(work.title?.[0] ?? ''));
  const doi = parseDoiField(work.DOI);
  if (!title || !doi) return undefined;
  const parts = work.published?.['date-parts']?.[0] ?? work.issued?.['date-parts']?.[0] ?? [];
  const [year, month, day] = parts.map((n) => (n === null ? undefined : n));
  const date = year !== undefined ? formatDate(year, month, day) : undefined;
  const authors = (work.author ?? []).map((a) => squash(a.name ?? [a.given, a.family].filter(Boolean).join(' '))).filter(Boolean);
  const venue = squash(work['container-title']?.[0] ?? '');
  const abstract = squash(stripTags(work.abstract ?? ''));
  return {
    service: NAME,
    title,
    authors,
    year: date ? Number(date.slice(0, 4)) : undefined,
    date,
    doi,
    abstract: abstract || undefined,
    venue: venue || undefined,
    entryType: work.type ? ENTRY_TYPES[work.type] : undefined,
    links: [`https://doi.org/${doi}`],
  };
}

/** Crossref's titles and abstracts may hold JATS or HTML markup. */
function stripTags(text: string): string {
  return text.replace(/<[^>]+>/g, ' ');
}
