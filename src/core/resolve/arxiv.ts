// The arXiv API (`/api/query`): papers by id, up to a hundred in one request, and title
// queries. Its answers are Atom feeds; an error is a feed too, with one entry titled "Error".
import { XMLParser } from 'fast-xml-parser';
import { formatDate, parseArxivId, parseDoiField, squash } from '../util/text';
import { unexpected, ServiceClient, ServiceError, type ServiceOptions } from './http';
import type { Found } from './match';

export const ARXIV_URL = 'https://export.arxiv.org';
/** arXiv asks for no more than one request every three seconds. */
export const ARXIV_INTERVAL_MS = 3000;
/** Ids asked for in one request. */
export const ARXIV_BATCH = 100;
const NAME = 'arXiv';

export class ArxivClient {
  readonly http: ServiceClient;

  constructor(options: ServiceOptions) {
    this.http = new ServiceClient(NAME, options);
  }

  /** The papers with these ids (without versions), in batches; an id arXiv does not know is absent. */
  async byIds(ids: readonly string[]): Promise<Map<string, Found>> {
    const found = new Map<string, Found>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += ARXIV_BATCH) {
      const batch = unique.slice(start, start + ARXIV_BATCH);
      for (const paper of await this.query({ search_query: '', id_list: batch.join(','), max_results: String(ARXIV_BATCH) })) {
        if (paper.arxivId) found.set(paper.arxivId.toLowerCase(), paper);
      }
    }
    return found;
  }

  /** The papers whose titles hold `title` as a phrase, best first. */
  byTitle(title: string, maxResults = 10): Promise<Found[]> {
    // Quotes and brackets would end the phrase: arXiv matches words, so they are left out.
    const phrase = squash(title.replace(/["()]/g, ' '));
    return this.search(`ti:"${phrase}"`, maxResults);
  }

  /** A query in arXiv's own syntax (`ti:`, `au:`, `AND`...). */
  search(searchQuery: string, maxResults = 10): Promise<Found[]> {
    return this.query({ search_query: searchQuery, id_list: '', max_results: String(maxResults) });
  }

  private async query(parameters: { search_query: string; id_list: string; max_results: string }): Promise<Found[]> {
    const answer = await this.http.get('/api/query', { ...parameters, sortBy: 'relevance', sortOrder: 'descending', start: '0' });
    const feed = answer.status === 200 || answer.status === 400 ? readFeed(answer.text) : undefined;
    // arXiv says what was wrong with a query in a feed whose only entry is the error.
    if (feed?.error) throw new ServiceError(`${NAME} refused the query: ${feed.error}.`, 'http', answer.status);
    if (answer.status !== 200) throw unexpected(NAME, answer);
    if (!feed) throw new ServiceError(`${NAME} sent an answer that is not an Atom feed (${answer.text.length} characters).`, 'malformed');
    return feed.papers;
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Every entry, author, link and category a list, however many there are.
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  parseTagValue: false,
  trimValues: true,
});

type Node = Record<string, unknown>;

/** The papers of an Atom feed, or undefined when the text is not one. */
export function readFeed(text: string): { papers: Found[]; error?: string } | undefined {
  let document: Node;
  try {
    document = parser.parse(text, true) as Node;
  } catch {
    return undefined;
  }
  const feed = document['feed'] as Node | undefined;
  if (!feed || typeof feed !== 'object') return undefined;
  const entries = (feed['entry'] as Node[] | undefined) ?? [];
  const first = entries[0];
  if (entries.length === 1 && first && textOf(first['title']) === 'Error' && /api\/errors/.test(textOf(first['id']))) {
    return { papers: [], error: textOf(first['summary']) || 'an error without a reason' };
  }
  return { papers: entries.flatMap((entry) => paperOf(entry) ?? []) };
}

function paperOf(entry: Node): Found | undefined {
  const title = squash(textOf(entry['title']));
  const arxivId = parseArxivId(textOf(entry['id']));
  if (!title || !arxivId) return undefined;
  const published = /^(\d{4})-(\d{2})-(\d{2})/.exec(textOf(entry['published']));
  const date = published ? formatDate(Number(published[1]), Number(published[2]), Number(published[3])) : undefined;
  const authors = ((entry['author'] as Node[] | undefined) ?? []).map((author) => squash(textOf(author['name']))).filter(Boolean);
  const doiText = textOf(entry['doi']);
  const journal = squash(textOf(entry['journal_ref']));
  const primary = entry['primary_category'] as Node | undefined;
  const links = [`https://arxiv.org/abs/${arxivId}`];
  const doi = doiText ? parseDoiField(doiText) : undefined;
  if (doi) links.push(`https://doi.org/${doi}`);
  return {
    service: NAME,
    title,
    authors,
    year: date ? Number(date.slice(0, 4)) : undefined,
    date,
    arxivId,
    doi,
    abstract: squash(textOf(entry['summary'])) || undefined,
    venue: journal || undefined,
    primaryClass: typeof primary?.['@term'] === 'string' ? primary['@term'] : undefined,
    links,
  };
}

/** The text of an element, whether the parser gave a string or an object with `#text`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string') return (value as Node)['#text'] as string;
  return '';
}
