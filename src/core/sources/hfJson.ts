// Reads what the Hugging Face papers API returns: the daily-papers array, a search result,
// a single paper, or `{"papers": [...]}`. Records are checked with lenient schemas so that
// fields the API adds later pass through, and one odd record never hides the rest.
import { z } from 'zod';
import { acceptDraft, problem, type ParseContext, type ParseResult, type PaperDraftInput } from '../paper/paper';
import { formatDate, parseArxivId, squash } from '../util/text';
import { parseListingJson, recordLines, type RecordsAt } from './jsonLines';

const text = z.string().nullish();

const HfPaperSchema = z.looseObject({
  id: text,
  title: text,
  summary: text,
  authors: z.array(z.looseObject({ name: text })).nullish(),
  publishedAt: text,
  upvotes: z.number().nullish(),
  organization: z.looseObject({ name: text, fullname: text }).nullish(),
  githubRepo: text,
  projectPage: text,
  ai_keywords: z.array(z.string()).nullish(),
});
type HfPaper = z.infer<typeof HfPaperSchema>;

/** A daily-papers or search item wraps the paper and repeats a few of its fields. */
const HfItemSchema = HfPaperSchema.extend({ paper: HfPaperSchema.nullish() });
type HfItem = z.infer<typeof HfItemSchema>;

const MAX_KEYWORDS = 10;

export function parseHfJson(input: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const parsed = parseListingJson(input, file, result.problems);
  if (!parsed.ok) return result;
  const data = parsed.data;

  const found = findRecords(data);
  if (!found || (found.records.length > 0 && !found.records.some(looksLikePaper))) {
    result.problems.push(problem(file, 1, 'This JSON is not a Hugging Face papers listing; nothing read from it.', 'warning'));
    return result;
  }
  const lines = recordLines(input, found.at);
  const prefix = found.at.kind === 'keyed-array' ? found.at.key : '';
  found.records.forEach((record, index) => {
    const startLine = lines.starts[index] ?? 1;
    const name = found.at.kind === 'root-object' ? 'The paper' : `Entry ${prefix}[${index}]`;
    try {
      const parsed = HfItemSchema.safeParse(record);
      if (!parsed.success) {
        const failure = parsed.error.issues[0];
        const field = failure?.path.join('.') || 'record';
        result.problems.push(problem(file, startLine, `${name} at line ${startLine} is not a paper record (${field}: ${failure?.message ?? 'invalid'}); skipped.`));
        return;
      }
      const draft = toDraft(parsed.data, file, lines.titles[index] ?? startLine);
      if (!draft) {
        result.problems.push(problem(file, startLine, `${name} at line ${startLine} has no title; skipped.`));
        return;
      }
      acceptDraft(draft, result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, startLine, `${name} at line ${startLine} could not be read (${reason}); skipped.`));
    }
  });
  return result;
}

function findRecords(data: unknown): { records: unknown[]; at: RecordsAt } | undefined {
  if (Array.isArray(data)) return { records: data, at: { kind: 'root-array' } };
  if (!isObject(data)) return undefined;
  if (Array.isArray(data['papers'])) return { records: data['papers'], at: { kind: 'keyed-array', key: 'papers' } };
  if (looksLikePaper(data)) return { records: [data], at: { kind: 'root-object' } };
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A paper wrapper, or a titled object with at least one other paper field. */
function looksLikePaper(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isObject(value['paper'])) return true;
  return typeof value['title'] === 'string' && ['id', 'summary', 'authors', 'publishedAt'].some((key) => key in value);
}

function toDraft(item: HfItem, file: string, line: number): PaperDraftInput | undefined {
  const paper: HfPaper = item.paper ?? {};
  const title = squash(paper.title ?? item.title ?? '');
  if (!title) return undefined;
  const id = squash(paper.id ?? item.id ?? '');
  const arxivId = id ? parseArxivId(id) : undefined;
  const summary = squash(paper.summary ?? item.summary ?? '');
  const authorList = paper.authors ?? item.authors ?? [];
  const authors = authorList.map((author) => squash(author.name ?? '')).filter(Boolean);
  const organization = paper.organization ?? item.organization;
  const orgName = squash(organization?.fullname || organization?.name || '');
  const published = /^(\d{4})-(\d{2})-(\d{2})/.exec(paper.publishedAt ?? item.publishedAt ?? '');
  const date = published ? formatDate(Number(published[1]), Number(published[2]), Number(published[3])) : undefined;
  const upvotes = paper.upvotes ?? item.upvotes;

  const links: string[] = [];
  const addLink = (link: string | null | undefined): void => {
    const clean = squash(link ?? '');
    if (/^https?:\/\/\S+$/i.test(clean) && !links.includes(clean)) links.push(clean);
  };
  if (/^[\w./-]+$/.test(id)) addLink(`https://huggingface.co/papers/${id}`);
  if (arxivId) addLink(`https://arxiv.org/abs/${arxivId}`);
  addLink(paper.githubRepo ?? item.githubRepo);
  addLink(paper.projectPage ?? item.projectPage);

  const keywords: string[] = [];
  for (const keyword of paper.ai_keywords ?? item.ai_keywords ?? []) {
    const clean = squash(keyword);
    if (clean && !keywords.includes(clean) && keywords.length < MAX_KEYWORDS) keywords.push(clean);
  }

  return {
    title,
    abstract: summary || undefined,
    authors,
    authorCount: authorList.length > 0 ? authorList.length : undefined,
    organization: orgName || undefined,
    date,
    year: date ? Number(date.slice(0, 4)) : undefined,
    upvotes: upvotes !== null && upvotes !== undefined && Number.isInteger(upvotes) && upvotes >= 0 ? upvotes : undefined,
    arxivId,
    links,
    keywords,
    sources: [{ file, line }],
  };
}
