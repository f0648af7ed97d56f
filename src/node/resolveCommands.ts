// `lit-review resolve` and `lit-review add`: the only commands that reach the network, and
// only the services named (or their mirrors). What they learn is written as listings in the
// library folder; the user's own files only ever grow at their end.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { Library } from '../core/indexing/library';
import { addedEntry, alreadyInLibrary, pastedEntry, type AddedEntry } from '../core/resolve/added';
import { ServiceError } from '../core/resolve/http';
import { parseIdentifier } from '../core/resolve/identifiers';
import type { Found } from '../core/resolve/match';
import { RESOLVED_LISTING, resolvedEntry, updateResolvedListing } from '../core/resolve/resolvedListing';
import { createServices, lookUpIdentifier, resolvePapers, userAgent, type ResolveSummary, type Services } from '../core/resolve/resolver';
import { appendEntries, readIfPresent, writeAtomically } from './writeListing';

export interface NetworkOptions {
  version: string;
  huggingFaceUrl?: string;
  arxivUrl?: string;
  crossrefUrl?: string;
  signal?: AbortSignal;
}

export interface ResolveCommandOptions extends NetworkOptions {
  /** The library folder: the listing is written in its `.lit-review` folder. */
  root: string;
  library: Library;
  json: boolean;
  dryRun: boolean;
}

function services(options: NetworkOptions): Services {
  return createServices({
    fetch: (url, init) => fetch(url, init),
    userAgent: userAgent(options.version),
    huggingFaceUrl: options.huggingFaceUrl,
    arxivUrl: options.arxivUrl,
    crossrefUrl: options.crossrefUrl,
    signal: options.signal,
  });
}

/** The folder a --library names (a file's folder when it names a file). */
export function libraryFolder(root: string): string {
  return statSync(root).isDirectory() ? root : path.dirname(root);
}

export async function resolveCommand(options: ResolveCommandOptions): Promise<number> {
  const progress = process.stderr.isTTY;
  const summary = await resolvePapers(options.library.papers, services(options), {
    onProgress: (done, total) => {
      if (progress) process.stderr.write(`\r${done} of ${total} papers${done === total ? '\n' : ''}`);
      else if (done % 10 === 0 || done === total) process.stderr.write(`${done} of ${total} papers\n`);
    },
  });
  const file = path.join(libraryFolder(options.root), RESOLVED_LISTING);
  let written: string | undefined;
  if (!options.dryRun && summary.resolved.length) {
    const entries = new Map<string, string>();
    for (const { key, found } of summary.resolved) {
      const paper = options.library.byKey(key);
      if (paper) entries.set(key, resolvedEntry(paper, found));
    }
    await writeAtomically(file, updateResolvedListing(await readIfPresent(file), entries));
    written = file;
  }
  if (options.json) process.stdout.write(`${JSON.stringify(summaryDocument(summary, written), null, 2)}\n`);
  else process.stdout.write(summaryText(summary, written, options.dryRun));
  return summary.cancelled ? 130 : 0;
}

function foundDocument(found: Found): Record<string, unknown> {
  const { service, title, year, arxivId, doi, authors, venue } = found;
  return { service, title, year, arxivId, doi, authors, venue };
}

function summaryDocument(summary: ResolveSummary, file: string | undefined): Record<string, unknown> {
  return {
    resolved: summary.resolved.map(({ key, title, found }) => ({ key, title, found: foundDocument(found) })),
    ambiguous: summary.ambiguous.map(({ key, title, candidates }) => ({ key, title, candidates: candidates.map(foundDocument) })),
    notFound: summary.notFound,
    failed: summary.failed,
    notTried: summary.notTried,
    cancelled: summary.cancelled,
    total: summary.total,
    requests: summary.requests,
    ms: summary.ms,
    file: file ?? null,
  };
}

function describe(found: Found): string {
  const id = found.arxivId ? `arXiv:${found.arxivId}` : found.doi ? `doi:${found.doi}` : found.service;
  return `${id} "${found.title}"${found.year ? ` (${found.year})` : ''}, ${found.service}`;
}

function summaryText(summary: ResolveSummary, file: string | undefined, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(
    `${summary.resolved.length} of ${summary.total} papers resolved, ${summary.ambiguous.length} ambiguous, ${summary.notFound.length} not found, ${summary.failed.length} failed` +
      `${summary.cancelled ? `, ${summary.notTried.length} not tried (cancelled)` : ''}; ${summary.requests} requests in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  for (const { key, found } of summary.resolved) lines.push(`  resolved  ${key}: ${describe(found)}, ${found.authors.length} authors`);
  for (const { key, candidates } of summary.ambiguous) {
    lines.push(`  ambiguous ${key}: choose one in the editor, or add it by its id:`);
    for (const candidate of candidates) lines.push(`              ${describe(candidate)}`);
  }
  for (const { key } of summary.notFound) lines.push(`  not found ${key}`);
  for (const { key, reason } of summary.failed) lines.push(`  failed    ${key}: ${reason}`);
  if (file) lines.push(`Written to ${file}.`);
  else if (dryRun && summary.resolved.length) lines.push('Nothing written (--dry-run).');
  return `${lines.join('\n')}\n`;
}

export interface AddCommandOptions extends NetworkOptions {
  root: string;
  library: Library;
  json: boolean;
  /** The listing to add to; `added.bib` in the library folder by default. */
  to?: string;
  keyTemplate?: string;
}

/** Thrown for an ID that names nothing `add` can look up: a usage error. */
export class UnknownIdentifierError extends Error {}

export async function addCommand(id: string, options: AddCommandOptions): Promise<number> {
  const identifier = parseIdentifier(id);
  if (!identifier) throw new UnknownIdentifierError(`"${id}" is not an arXiv id or link, a DOI, a Hugging Face paper link or a BibTeX entry.`);
  const papers = options.library.papers;
  let entry: AddedEntry;
  if (identifier.kind === 'bibtex') {
    const pasted = pastedEntry(identifier.text, papers);
    if ('problem' in pasted) return fail(`The entry was not added: ${pasted.problem}`);
    entry = pasted;
  } else {
    let found: Found | undefined;
    try {
      found = await lookUpIdentifier(identifier, services(options));
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.message);
      throw error;
    }
    const name = identifier.kind === 'arxiv' ? `arXiv has no paper ${identifier.arxivId}` : `Crossref has no work ${identifier.doi}`;
    if (!found) return fail(`${name}.`);
    const holder = alreadyInLibrary(found, papers);
    if (holder) {
      report(options.json, { key: holder.key, title: holder.title, file: null, added: false }, `Already in the library as ${holder.key}: ${holder.title}\n`);
      return 0;
    }
    entry = addedEntry(found, papers, options.keyTemplate);
  }
  const folder = libraryFolder(options.root);
  const file = options.to ?? path.join(folder, 'added.bib');
  const added = await appendEntries(file, [{ key: entry.key, text: entry.text }]);
  if (!added.length) return fail(`${file} already has an entry ${entry.key}; nothing added.`);
  const inside = !path.relative(path.resolve(folder), path.resolve(file)).startsWith('..');
  if (!inside) process.stderr.write(`Note: ${file} is outside the library folder ${folder}; the paper is listed once the file is read with the library.\n`);
  report(options.json, { key: entry.key, title: entry.title, file, added: true, entry: entry.text }, `Added ${entry.key} to ${file}: ${entry.title}\n`);
  return 0;
}

function report(json: boolean, document: Record<string, unknown>, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : text);
}

function fail(message: string): number {
  process.stderr.write(`lit-review: ${message}\n`);
  return 1;
}
