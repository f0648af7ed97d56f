// The Hugging Face papers API: one day of Daily Papers (`/api/daily_papers?date=`) and the
// papers search (`/api/papers/search?q=`). Its answers are read by the same parser as a saved
// API answer in a listing folder, so a paper looks the same whichever way it came.
import { parseHfJson } from '../sources/hfJson';
import { parseJson, unexpected, ServiceClient, ServiceError, type ServiceOptions } from './http';
import type { Found } from './match';

export const HUGGING_FACE_URL = 'https://huggingface.co';
const NAME = 'Hugging Face';

export class HuggingFaceClient {
  readonly http: ServiceClient;
  /** Each day is asked for once a run: the papers of a page often share their days. */
  private readonly days = new Map<string, Promise<Found[]>>();

  constructor(options: ServiceOptions) {
    this.http = new ServiceClient(NAME, options);
  }

  /** The papers Daily Papers listed on `date` (YYYY-MM-DD). */
  dailyPapers(date: string): Promise<Found[]> {
    let day = this.days.get(date);
    if (!day) {
      day = this.papers('/api/daily_papers', { date });
      this.days.set(date, day);
      // A failed day is asked again by the next paper that needs it.
      day.catch(() => this.days.delete(date));
    }
    return day;
  }

  /** The papers the search finds for `query`, best first. */
  search(query: string): Promise<Found[]> {
    return this.papers('/api/papers/search', { q: query });
  }

  private async papers(path: string, query: Record<string, string>): Promise<Found[]> {
    const answer = await this.http.get(path, query);
    if (answer.status !== 200) throw unexpected(NAME, answer);
    const data = parseJson(NAME, answer);
    if (!Array.isArray(data)) throw new ServiceError(`${NAME} sent something other than a list of papers.`, 'malformed');
    return hfRecords(answer.text);
  }
}

/** The papers of a Hugging Face API answer, as found records. */
export function hfRecords(text: string): Found[] {
  return parseHfJson(text, 'huggingface').papers.map((draft) => ({
    service: NAME,
    title: draft.title,
    authors: draft.authors,
    year: draft.year,
    date: draft.date,
    arxivId: draft.arxivId,
    abstract: draft.abstract,
    organization: draft.organization,
    upvotes: draft.upvotes,
    links: draft.links,
  }));
}
