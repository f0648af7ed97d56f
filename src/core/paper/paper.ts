// The Paper record every part of Lit Review speaks, and the shapes parsers return.
import { z } from 'zod';

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: listings often know only the month or year. */
export const PaperDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY-MM-DD, YYYY-MM or YYYY');

/** Where a paper was read: the file and the 1-based line of its title. */
export const SourceSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
});
export type Source = z.infer<typeof SourceSchema>;

const optionalText = z.string().min(1).optional();

/** A BibTeX field as written: lower-cased name, value with its LaTeX kept and macros applied. */
export const BibFieldSchema = z.tuple([z.string().min(1), z.string()]);
export type BibField = z.infer<typeof BibFieldSchema>;

/**
 * What a .bib entry said, kept so that everything written back carries every field the
 * user wrote, in their order, whatever Lit Review itself understands of them.
 */
export const BibtexRecordSchema = z.object({
  /** The entry's own fields, in file order (a `crossref` field included). */
  fields: z.array(BibFieldSchema),
  /** Fields filled in from its `crossref` or `xdata` entries, as BibTeX does. */
  inherited: z.array(BibFieldSchema).default([]),
  /**
   * The entry needs the rest of the library's .bib files: it uses an `@string` macro or
   * refers to a `crossref`/`xdata` entry its own file does not define.
   */
  pending: z.boolean().optional(),
});
export type BibtexRecord = z.infer<typeof BibtexRecordSchema>;

/** Another .bib entry of the same paper, under a key of its own: written as it was when that key is cited. */
export const AliasEntrySchema = z.object({
  key: z.string().min(1),
  entryType: optionalText,
  bibtex: BibtexRecordSchema,
});
export type AliasEntry = z.infer<typeof AliasEntrySchema>;

/**
 * What a parser knows of one paper. Every field but title and sources is optional:
 * a Markdown reading list may give only a title and a link.
 */
export const PaperDraftSchema = z.object({
  title: z.string().min(1),
  abstract: optionalText,
  /** Display names, "Given Family" order, accents decoded. */
  authors: z.array(z.string().min(1)).default([]),
  /** How many authors the paper has, even when the listing names none of them. */
  authorCount: z.number().int().positive().optional(),
  organization: optionalText,
  date: PaperDateSchema.optional(),
  year: z.number().int().min(1000).max(9999).optional(),
  upvotes: z.number().int().nonnegative().optional(),
  links: z.array(z.string().min(1)).default([]),
  /** New-style (2501.01234) or old-style (hep-th/9901001) id, without version. */
  arxivId: optionalText,
  /** Lower-cased, without a resolver prefix. */
  doi: optionalText,
  venue: optionalText,
  /** The BibTeX entry type a .bib file gave (article, inproceedings...). */
  entryType: optionalText,
  /** Topic hints from the listing itself: keywords, arXiv categories, Markdown headings. */
  keywords: z.array(z.string().min(1)).default([]),
  /** A citation key the listing already uses (a .bib entry's key): it wins over a generated one. */
  pinnedKey: optionalText,
  /** The other keys the listings give the same paper (set when entries merge): each still cites it. */
  aliases: z.array(z.string().min(1)).optional(),
  /** The entry as a .bib file wrote it. */
  bibtex: BibtexRecordSchema.optional(),
  /** The entries of the aliases, where they were entries of their own. */
  aliasEntries: z.array(AliasEntrySchema).optional(),
  /**
   * A proceedings volume or book that other entries `crossref`: citable and found by
   * search, but not a paper of its own in the tree or its topics.
   */
  container: z.boolean().optional(),
  sources: z.array(SourceSchema).min(1),
});
export type PaperDraft = z.infer<typeof PaperDraftSchema>;
export type PaperDraftInput = z.input<typeof PaperDraftSchema>;

/** A paper in the library: merged across files, with its citation key and topics. */
export const PaperSchema = PaperDraftSchema.extend({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_:.\-+]*$/, 'a citation key of letters, digits and _:.-+'),
  topics: z.array(z.string().min(1)).default([]),
});
export type Paper = z.infer<typeof PaperSchema>;

export type Severity = 'error' | 'warning';

/** Something a person should know about a listing: it never stops the rest from indexing. */
export const ProblemSchema = z.object({
  file: z.string(),
  /** 1-based; 1 when the problem is the whole file. */
  line: z.number().int().positive(),
  message: z.string().min(1),
  severity: z.enum(['error', 'warning']).default('error'),
});
export type Problem = z.infer<typeof ProblemSchema>;

export interface ParseResult {
  papers: PaperDraft[];
  problems: Problem[];
  /** `@string` macros a .bib file defines, in order: BibTeX applies them across every file of a bibliography. */
  macros?: BibField[];
}

/** What a parser may know of the file beyond its text. */
export interface ParseContext {
  /** When the file was last modified: year-less dates are read relative to it. */
  modifiedAt?: Date;
}

/** Every parser is a pure function of its input. */
export type Parser = (text: string, file: string, context?: ParseContext) => ParseResult;

/**
 * Validates a parser's raw record. A record that fails becomes a problem instead of
 * a paper, so one bad entry never hides the rest of its file.
 */
export function acceptDraft(raw: PaperDraftInput, result: ParseResult): void {
  const parsed = PaperDraftSchema.safeParse(raw);
  if (parsed.success) {
    result.papers.push(parsed.data);
    return;
  }
  const where = raw.sources?.[0] ?? { file: '', line: 1 };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'entry';
  result.problems.push({
    file: where.file,
    line: where.line,
    message: `Skipped "${raw.title || 'an untitled entry'}": ${field} is not valid (${issue?.message ?? 'unknown reason'}).`,
    severity: 'error',
  });
}

export function problem(file: string, line: number, message: string, severity: Severity = 'error'): Problem {
  return { file, line: Math.max(1, Math.floor(line)), message, severity };
}
