// The parse cache behind a warm start: each listing's parse result with the size and
// modification time of the file it came from, so an unchanged file is not parsed again.
// Loading never throws: a corrupt, truncated or older cache just means parsing afresh.
import { z } from 'zod';
import { PaperDraftSchema, ProblemSchema, type ParseResult } from './paper';

/** Bumped whenever the shape of a cache or of a parse result changes. */
export const CACHE_VERSION = 1;
const CACHE_FORMAT = 'lit-review-parse-cache';

export interface CacheEntry {
  file: string;
  mtimeMs: number;
  size: number;
  result: ParseResult;
}

export interface CacheOptions {
  /**
   * What produced the results (the extension's version, say): a cache written by
   * another producer is ignored, since its parsers may have read files differently.
   */
  producer?: string;
}

/**
 * Validating every paper with the full schema would cost seconds at 100k papers, so the
 * envelope and each entry are validated fully, every paper is checked for the fields
 * the library cannot do without, and a spread-out sample gets the full schema.
 */
const EntrySchema = z.object({
  file: z.string().min(1),
  mtimeMs: z.number().finite(),
  size: z.number().int().nonnegative(),
  result: z.object({
    papers: z.array(z.unknown()),
    problems: z.array(ProblemSchema),
  }),
});

const EnvelopeSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(CACHE_VERSION),
  producer: z.string().optional(),
  entries: z.array(EntrySchema),
});

/** How many papers, spread over the whole cache, get the full schema on load. */
const FULLY_CHECKED_PAPERS = 500;

/**
 * The cache as text. Each parse result's JSON is remembered, so saving again after one
 * file changed re-encodes only that file (parse results are never modified in place).
 */
export function serializeCache(entries: readonly CacheEntry[], options: CacheOptions = {}): string {
  const head = JSON.stringify({ format: CACHE_FORMAT, version: CACHE_VERSION, producer: options.producer });
  const parts = entries.map((entry) => `{"file":${JSON.stringify(entry.file)},"mtimeMs":${JSON.stringify(entry.mtimeMs)},"size":${JSON.stringify(entry.size)},"result":${resultJson(entry.result)}}`);
  return `${head.slice(0, -1)},"entries":[${parts.join(',')}]}`;
}

const encoded = new WeakMap<ParseResult, string>();

function resultJson(result: ParseResult): string {
  let json = encoded.get(result);
  if (json === undefined) {
    json = JSON.stringify({ papers: result.papers, problems: result.problems });
    encoded.set(result, json);
  }
  return json;
}

/** The cached entries, or undefined when the text is not a valid cache of this version and producer. */
export function deserializeCache(text: string, options: CacheOptions = {}): CacheEntry[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // The cheap checks first: another version's cache is rejected before reading its entries.
  if (!isRecord(data) || data.format !== CACHE_FORMAT || data.version !== CACHE_VERSION) return undefined;
  if (options.producer !== undefined && data.producer !== options.producer) return undefined;
  const parsed = EnvelopeSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const entries = parsed.data.entries;
  const total = entries.reduce((sum, entry) => sum + entry.result.papers.length, 0);
  const stride = Math.max(1, Math.floor(total / FULLY_CHECKED_PAPERS));
  let seen = 0;
  for (const entry of entries) {
    for (const paper of entry.result.papers) {
      if (!hasEssentials(paper)) return undefined;
      if (seen++ % stride === 0 && !PaperDraftSchema.safeParse(paper).success) return undefined;
    }
  }
  return entries as CacheEntry[];
}

/** The fields every consumer of a paper reads without checking. */
function hasEssentials(paper: unknown): boolean {
  if (!isRecord(paper) || typeof paper.title !== 'string' || !paper.title) return false;
  if (!Array.isArray(paper.authors) || !Array.isArray(paper.links) || !Array.isArray(paper.keywords)) return false;
  const sources = paper.sources;
  if (!Array.isArray(sources) || !sources.length) return false;
  return sources.every((source: unknown) => isRecord(source) && typeof source.file === 'string' && typeof source.line === 'number');
}

/** A cached result still good for a file with this size and modification time. */
export function freshResult(entries: ReadonlyMap<string, CacheEntry>, file: string, mtimeMs: number, size: number): ParseResult | undefined {
  const entry = entries.get(file);
  return entry && entry.mtimeMs === mtimeMs && entry.size === size ? entry.result : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
