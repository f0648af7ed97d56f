// `lit-review`: the same core as the extension, from a terminal.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBibtex, formatBibtexEntry, type BibDialect } from './core/bibtex/write';
import { CslStyleError, DEFAULT_STYLE, formatReferences } from './core/csl/format';
import { toCslJson } from './core/csl/toCsl';
import { formatCitation } from './core/notes/citationText';
import { checkBibliography, readBibEntries, type BibFileEntry } from './core/notes/bibliographyCheck';
import { CitationMap, noteLanguageOfFile } from './core/notes/citationMap';
import { noteBibliography } from './core/notes/frontMatter';
import { bibEntryKeys } from './core/bibtex/append';
import { DEFAULT_KEY_TEMPLATE } from './core/paper/keys';
import { Library, type Listing } from './core/indexing/library';
import type { Paper, Problem } from './core/paper/paper';
import { SearchIndex } from './core/search';
import { computeTopics, OVERRIDES_FILE, parseOverrides, type Topic, type TopicOverrides } from './core/topics';
import { readListings } from './node/readListings';
import { readingOf } from './core/reading/display';
import { SimilarityIndex } from './core/reading/similar';
import { applyReadingChange, emptyReadingList, isoDay, parseReadingList, parseStatus, READING_FILE, READING_STATUSES, serializeReadingList, type ReadingList } from './core/reading/status';
import { readIfPresent, writeAtomically } from './node/writeListing';
import { addCommand, resolveCommand, UnknownIdentifierError } from './node/resolveCommands';
import { publishCommand, sharedSearch } from './node/postgres/commands';
import { SharedLibraryError } from './node/postgres/types';

const USAGE = `Usage: lit-review <command> [options]

Commands:
  index                     every paper and every problem in the library
  search "QUERY" [--limit N] papers matching QUERY, best first (default limit 20)
  topics                    papers grouped by topic
  cite KEY... [--style pandoc|latex|bibtex|text|html] [--csl STYLE]
                            a citation for the given keys (default pandoc); bibtex
                            their entries; text or html one formatted reference per
                            key in a CSL style: ${DEFAULT_STYLE} (default), vancouver, harvard1,
                            or the path of a .csl file
  bib [--format bibtex|biblatex|csljson]
                            the whole library on stdout: a .bib (default bibtex), or a
                            CSL-JSON array as Pandoc and Zotero read it
  bib --cited-in PATH...    only the entries the notes at PATH cite (note files, or
                            folders of .md .qmd .Rmd .tex .typ notes)
  citations --notes PATH... every citation in the notes: key, file, line, column,
                            locator and command; the keys no bibliography knows
  check --notes PATH... [--bib FILE]
                            FILE (repeatable; default: the bibliographies the notes
                            name) against the notes and the library: entries no note
                            cites, keys cited but missing, one paper under two keys,
                            entries whose fields differ from the library
  resolve [--dry-run]       look up papers that lack authors or an identifier at Hugging
                            Face, arXiv and Crossref; what is found is written to
                            .lit-review/resolved.bib in the library folder
  add ID [--to FILE]        add a paper by arXiv id or link, DOI, Hugging Face paper link
                            or a pasted BibTeX entry to FILE (default: added.bib in the
                            library folder)
  mark KEY... [--status to-read|reading|read|excluded] [--reason TEXT] [--tag NAME]...
       [--untag NAME]...    set the reading status and tags of papers, kept in
                            ${READING_FILE} in the library folder
  similar KEY... [--limit N] the papers most like KEY (several keys: like them together),
                            with the shared words that make them alike (default limit 20)
  similar --text "TEXT"     the papers most like a text (a note, a question)
  publish --library DIR... [--postgres URL]
                            publish the folders to a shared library on PostgreSQL
                            (only the listings changed since the last publish)
  search "QUERY" --postgres URL
                            search the shared library instead of the folders

Options:
  --library PATH            a folder or file of listings (repeatable; default: .)
  --postgres URL            the shared library: postgres://user@host/db, key=value
                            settings (service=lab), or "" for the PG* variables,
                            PGSERVICE and ~/.pgpass alone
  --include GLOB, --exclude GLOB
                            files to read and to leave out, relative to each library
                            folder (repeatable; default: the extension's defaults)
  --key-template TEMPLATE   citation key template (default ${DEFAULT_KEY_TEMPLATE})
  --published               bib and cite: an arXiv paper that has a journal or DOI is
                            written as that publication, its arXiv id kept
  --json                    print exactly one JSON document
  --hf-url URL, --arxiv-url URL, --crossref-url URL
                            where resolve and add find the services (mirrors); only
                            these two commands use the network
  --help                    this text
`;

/** Misuse of the command line: exit code 2 with a message, as Unix tools do. */
class UsageError extends Error {}

interface Options {
  command: string;
  args: string[];
  libraries: string[];
  include?: string[];
  exclude?: string[];
  json: boolean;
  help: boolean;
  limit: number;
  style: string;
  format: string;
  published: boolean;
  csl?: string;
  keyTemplate?: string;
  dryRun: boolean;
  to?: string;
  huggingFaceUrl?: string;
  arxivUrl?: string;
  crossrefUrl?: string;
  notes: string[];
  bib: string[];
  citedIn: string[];
  status?: string;
  reason?: string;
  tags: string[];
  untags: string[];
  text?: string;
  postgres?: string;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string', short: 'l', multiple: true },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        style: { type: 'string', default: 'pandoc' },
        format: { type: 'string', default: 'bibtex' },
        published: { type: 'boolean', default: false },
        csl: { type: 'string' },
        'key-template': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        to: { type: 'string' },
        'hf-url': { type: 'string' },
        'arxiv-url': { type: 'string' },
        'crossref-url': { type: 'string' },
        notes: { type: 'string', multiple: true },
        bib: { type: 'string', multiple: true },
        'cited-in': { type: 'string', multiple: true },
        status: { type: 'string' },
        reason: { type: 'string' },
        tag: { type: 'string', multiple: true },
        untag: { type: 'string', multiple: true },
        text: { type: 'string' },
        postgres: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // node:util names the option and what was wrong with it; say it as a usage error.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command = '', ...args] = positionals;
  return {
    command,
    args,
    libraries: values.library?.length ? values.library : ['.'],
    include: values.include,
    exclude: values.exclude,
    json: values.json,
    help: values.help,
    limit: values.limit === undefined ? 20 : positiveInteger(values.limit, '--limit'),
    style: values.style,
    format: values.format,
    published: values.published,
    csl: values.csl,
    keyTemplate: values['key-template'],
    dryRun: values['dry-run'],
    to: values.to,
    huggingFaceUrl: values['hf-url'],
    arxivUrl: values['arxiv-url'],
    crossrefUrl: values['crossref-url'],
    notes: values.notes ?? [],
    bib: values.bib ?? [],
    citedIn: values['cited-in'] ?? [],
    status: values.status,
    reason: values.reason,
    tags: values.tag ?? [],
    untags: values.untag ?? [],
    text: values.text,
    postgres: values.postgres,
  };
}

function positiveInteger(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a positive whole number, not "${text}".`);
  return n;
}

async function loadLibrary(options: Options): Promise<{ library: Library; overrides?: TopicOverrides; problems: Problem[] }> {
  const listings: Listing[] = [];
  const problems: Problem[] = [];
  const several = options.libraries.length > 1;
  for (const root of options.libraries) {
    const showProgress = process.stderr.isTTY && !options.json;
    const read = await readListings(root, {
      include: options.include,
      exclude: options.exclude,
      onFile: showProgress ? (done) => done % 100 === 0 && process.stderr.write(`\rRead ${done} files...`) : undefined,
    });
    if (showProgress && read.listings.length >= 100) process.stderr.write('\n');
    // With several libraries, paths keep their root so two "notes.md" stay apart.
    const prefix = (file: string) => (several ? path.join(root, file).split(path.sep).join('/') : file);
    listings.push(...read.listings.map((listing) => ({ ...listing, file: prefix(listing.file) })));
    problems.push(...read.problems.map((p) => ({ ...p, file: prefix(p.file) })));
  }
  const overrides = readOverrides(options.libraries[0]!, problems);
  // Topics are found only by the commands that show them, once.
  const library = Library.fromListings(listings, { template: options.keyTemplate });
  return { library, overrides, problems: [...problems, ...library.problems] };
}

/** Topic moves and renames made in the editor, kept beside the listings. */
function readOverrides(root: string, problems: Problem[]): TopicOverrides | undefined {
  const file = path.join(root, OVERRIDES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseOverrides(text);
  for (const message of parsed.problems) problems.push({ file: OVERRIDES_FILE, line: 1, message, severity: 'warning' });
  return parsed.overrides;
}

function print(json: boolean, document: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : text());
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n';
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function paperRows(papers: Paper[]): string[][] {
  return [['KEY', 'YEAR', 'TITLE'], ...papers.map((p) => [p.key, p.year ? String(p.year) : '', clip(p.title, 90)])];
}

function problemLines(problems: Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}\n`).join('');
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help || options.command === 'help' || !options.command) {
    process.stdout.write(USAGE);
    return options.help || options.command === 'help' ? 0 : 2;
  }
  if (!['index', 'search', 'topics', 'cite', 'bib', 'resolve', 'add', 'citations', 'check', 'mark', 'similar', 'publish'].includes(options.command)) throw new UsageError(`Unknown command "${options.command}".`);
  // Note paths follow --notes and --cited-in; the shell spreads a glob into positionals after them.
  if (options.command === 'citations' || options.command === 'check') options.notes.push(...options.args.splice(0));
  if (options.command === 'bib' && options.citedIn.length) options.citedIn.push(...options.args.splice(0));
  if ((options.command === 'citations' || options.command === 'check') && !options.notes.length) throw new UsageError(`${options.command} needs --notes PATH (a note or a folder of notes).`);
  if (options.command === 'add' && options.args.length !== 1) throw new UsageError('add takes one ID (quote a pasted BibTeX entry).');
  if ((options.command === 'resolve' || options.command === 'add') && options.libraries.length !== 1) throw new UsageError(`${options.command} takes one --library folder.`);
  if (options.command === 'search' && options.args.length !== 1) throw new UsageError('search takes one QUERY (quote it if it has spaces).');
  if (options.command === 'cite' && !options.args.length) throw new UsageError('cite needs at least one KEY.');
  if (options.command === 'mark') checkMarkOptions(options);
  if (options.command === 'similar' && options.args.length > 0 === (options.text !== undefined)) throw new UsageError('similar takes KEY... or --text "TEXT", one of the two.');
  if (options.command === 'cite' && !['pandoc', 'latex', 'bibtex', 'text', 'html'].includes(options.style)) throw new UsageError(`--style is pandoc, latex, bibtex, text or html, not "${options.style}".`);
  if (!['bibtex', 'biblatex', 'csljson'].includes(options.format)) throw new UsageError(`--format is bibtex, biblatex or csljson, not "${options.format}".`);
  if (options.command === 'cite' && options.format === 'csljson') throw new UsageError('--format csljson is for bib; cite writes a formatted reference with --style text.');
  const cslStyle = options.csl === undefined ? undefined : readCslStyle(options.csl);

  const missing = options.libraries.filter((root) => !existsSync(root));
  if (missing.length) {
    for (const root of missing) process.stderr.write(`lit-review: the library folder "${root}" does not exist.\n`);
    return 1;
  }
  if (options.command === 'publish' || (options.command === 'search' && options.postgres !== undefined)) return sharedLibraryCommand(options);
  const { library, overrides, problems } = await loadLibrary(options);
  if (options.command === 'resolve' || options.command === 'add') return networkCommand(options, library);
  if (options.command === 'citations' || options.command === 'check') return notesCommand(options, library);
  if (options.command === 'mark') return markCommand(options, library);
  if (options.command === 'similar') return similarCommand(options, library);
  const papers = library.papers;
  switch (options.command) {
    case 'index': {
      const { merges, refusedMerges } = library;
      const reading = await readReadingList(options.libraries[0]!, problems);
      const papers = computeTopics(library.papers, { overrides, folderTopics: true }).papers.map((paper) => {
        const entry = readingOf(reading, paper);
        return { ...paper, status: entry?.status ?? null, tags: entry?.tags ?? [], ...(entry?.reason ? { statusReason: entry.reason } : {}) };
      });
      print(options.json, { papers, problems, merges, refusedMerges }, () => table(paperRows(papers)) + `${papers.length} papers, ${problems.length} problems, ${merges.length} papers cited by several keys\n`);
      if (!options.json) process.stderr.write(problemLines(problems));
      break;
    }
    case 'search': {
      const hits = new SearchIndex(papers).search(options.args[0]!, { limit: options.limit });
      const results = hits.map((hit) => ({ key: hit.paper.key, title: hit.paper.title, score: Number(hit.score.toFixed(4)) }));
      print(options.json, { results }, () => (results.length ? table([['KEY', 'SCORE', 'TITLE'], ...results.map((r) => [r.key, r.score.toFixed(3), clip(r.title, 90)])]) : 'No papers match.\n'));
      break;
    }
    case 'topics': {
      // The grouping the Papers tree shows with its default settings: topics, their nested topics, and why.
      const topics = computeTopics(papers, { overrides, folderTopics: true }).topics.map(topicOutput);
      print(options.json, { topics }, () => topicLines(topics, ''));
      break;
    }
    case 'cite': {
      const unknown = options.args.filter((key) => !library.byKey(key));
      for (const key of unknown) process.stderr.write(`Unknown key "${key}".\n`);
      // Each paper under the key typed: an alias is as good a key as any, and the draft uses it.
      const keys = options.args.filter((key) => library.byKey(key));
      const version = options.published ? 'published' : 'preprint';
      const entries = () => keys.map((key) => formatBibtexEntry(library.byKey(key)!, { key, dialect: options.format as BibDialect, version })).join('\n');
      const references = (): string[] => {
        try {
          return formatReferences(keys.map((key) => library.byKey(key)!), { style: cslStyle, format: options.style as 'text' | 'html', version, keyFor: (_, index) => keys[index]! });
        } catch (error) {
          throw error instanceof CslStyleError ? new UsageError(error.message) : error;
        }
      };
      const text = !keys.length
        ? ''
        : options.style === 'bibtex'
          ? entries()
          : options.style === 'text' || options.style === 'html'
            ? references().map((reference) => `${reference}\n`).join('')
            : `${formatCitation(keys, options.style as 'pandoc' | 'latex')}\n`;
      print(options.json, { citation: text, unknown }, () => text);
      // What it could cite is printed, but a script must learn that some keys were not there.
      if (unknown.length) return 1;
      break;
    }
    case 'bib': {
      const version = options.published ? 'published' : 'preprint';
      if (options.citedIn.length) {
        // Each key under the spelling the notes cite it by (an alias's own entry), in order of first citation.
        const keys = readNotes(options.citedIn).keys.filter((key) => library.byKey(key));
        if (options.format === 'csljson') process.stdout.write(`${JSON.stringify(keys.flatMap((key) => toCslJson([library.byKey(key)!], () => key, { version })), null, 2)}\n`);
        else process.stdout.write(keys.map((key) => formatBibtexEntry(library.byKey(key)!, { key, dialect: options.format as BibDialect, version })).join('\n'));
        break;
      }
      if (options.format === 'csljson') process.stdout.write(`${JSON.stringify(toCslJson(papers, undefined, { version }), null, 2)}\n`);
      else process.stdout.write(formatBibtex(papers, { dialect: options.format as BibDialect, version }));
      break;
    }
  }
  return 0;
}

/** The reading list of the first library folder (empty when it has none); its problems join the others. */
async function readReadingList(root: string, problems?: Problem[]): Promise<ReadingList> {
  const text = await readIfPresent(path.join(libraryFolder(root), READING_FILE));
  if (text === undefined) return emptyReadingList();
  const parsed = parseReadingList(text, READING_FILE);
  problems?.push(...parsed.problems);
  return parsed;
}

function libraryFolder(root: string): string {
  return statSync(root).isDirectory() ? root : path.dirname(root);
}

function checkMarkOptions(options: Options): void {
  if (!options.args.length) throw new UsageError('mark needs at least one KEY.');
  if (options.libraries.length !== 1) throw new UsageError('mark takes one --library folder.');
  if (options.status !== undefined && !parseStatus(options.status)) throw new UsageError(`--status is ${READING_STATUSES.join(', ')}, not "${options.status}".`);
  if (options.status === undefined && !options.tags.length && !options.untags.length) throw new UsageError('mark needs --status, --tag or --untag.');
  if (options.reason !== undefined && options.status === undefined) throw new UsageError('--reason goes with --status.');
}

/** `mark`: the reading list changed for the known keys (under each paper's own key), other lines kept. */
async function markCommand(options: Options, library: Library): Promise<number> {
  const unknown = options.args.filter((key) => !library.byKey(key));
  for (const key of unknown) process.stderr.write(`Unknown key "${key}".\n`);
  const keys = [...new Set(options.args.filter((key) => library.byKey(key)).map((key) => library.byKey(key)!.key))];
  const file = path.join(libraryFolder(options.libraries[0]!), READING_FILE);
  if (keys.length) {
    const before = await readReadingList(options.libraries[0]!);
    const after = applyReadingChange(before, keys, { status: options.status === undefined ? undefined : parseStatus(options.status), reason: options.reason, addTags: options.tags, removeTags: options.untags, today: isoDay(new Date()) });
    await writeAtomically(file, serializeReadingList(after));
    const marked = keys.map((key) => ({ key, status: after.entries.get(key)?.status ?? null, tags: after.entries.get(key)?.tags ?? [] }));
    print(options.json, { marked, unknown, file: READING_FILE }, () => table([['KEY', 'STATUS', 'TAGS'], ...marked.map((m) => [m.key, m.status ?? '', m.tags.join(', ')])]));
  } else print(options.json, { marked: [], unknown, file: READING_FILE }, () => '');
  return unknown.length ? 1 : 0;
}

/** `similar`: the papers most like some papers or a text, with the shared words that explain each. */
function similarCommand(options: Options, library: Library): number {
  const index = SimilarityIndex.build(library.papers.filter((paper) => !paper.container));
  const unknown = options.args.filter((key) => !library.byKey(key));
  for (const key of unknown) process.stderr.write(`Unknown key "${key}".\n`);
  const keys = options.args.filter((key) => library.byKey(key)).map((key) => library.byKey(key)!.key);
  const hits = options.text !== undefined ? index.similarToText(options.text, { limit: options.limit }) : keys.length ? index.similarToPapers(keys, { limit: options.limit }) : [];
  const results = hits.map((hit) => ({ key: hit.key, title: library.byKey(hit.key)!.title, score: Number(hit.score.toFixed(4)), why: hit.why }));
  print(options.json, { results }, () => (results.length ? table([['KEY', 'SCORE', 'WHY', 'TITLE'], ...results.map((r) => [r.key, r.score.toFixed(3), r.why.join(', '), clip(r.title, 70)])]) : 'No similar papers.\n'));
  return unknown.length ? 1 : 0;
}

interface ReadNotes {
  map: CitationMap;
  /** Cited keys as first written, in order of first citation (files by name). */
  keys: string[];
  /** The bibliography files the notes name, resolved; keys the notes define inline. */
  bibliographies: string[];
  inline: Set<string>;
}

/** Every note at `paths` (files, or folders searched for .md .qmd .Rmd .tex .typ), read into a citation map. */
function readNotes(paths: readonly string[]): ReadNotes {
  const files: string[] = [];
  const walk = (file: string, given: boolean): void => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`the note path "${file}" does not exist.`);
    if (!stat.isDirectory()) {
      if (given || noteLanguageOfFile(file)) files.push(file);
      return;
    }
    for (const entry of readdirSync(file, { withFileTypes: true })) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path.join(file, entry.name), false);
    }
  };
  for (const given of paths) walk(given, true);
  const map = new CitationMap();
  const bibliographies = new Set<string>();
  const inline = new Set<string>();
  for (const file of [...new Set(files)].sort()) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const language = noteLanguageOfFile(file) ?? 'markdown';
    map.update(file.split(path.sep).join('/'), text, language);
    const quarto = findUp(path.dirname(file), '_quarto.yml');
    const named = noteBibliography(text, language, { quartoYml: quarto && readFileSync(quarto, 'utf8') });
    for (const bib of named.files) bibliographies.add(path.resolve(bib.from === 'quarto' ? path.dirname(quarto!) : path.dirname(file), bib.file));
    for (const id of named.references) inline.add(id.toLowerCase());
  }
  const seen = new Set<string>();
  const keys = map.all().map((location) => location.key).filter((key) => !seen.has(key.toLowerCase()) && seen.add(key.toLowerCase()));
  return { map, keys, bibliographies: [...bibliographies], inline };
}

function findUp(folder: string, name: string): string | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `citations` and `check`: the notes against the library and their bibliography. Both exit 0: they report. */
function notesCommand(options: Options, library: Library): number {
  const notes = readNotes(options.notes);
  const bibFiles = options.bib.length ? options.bib : notes.bibliographies.filter((file) => existsSync(file));
  const entries: BibFileEntry[] = [];
  for (const file of bibFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw new UsageError(`could not read the bibliography "${file}" (${error instanceof Error ? error.message : String(error)}).`);
    }
    const read = readBibEntries(text, path.relative(process.cwd(), file).split(path.sep).join('/') || file);
    entries.push(...read.entries);
    for (const message of read.problems) process.stderr.write(`${message}\n`);
  }
  if (options.command === 'citations') {
    const inBibliography = new Set(bibFiles.flatMap((file) => [...bibEntryKeys(readFileSync(file, 'utf8'))]));
    const known = (key: string): boolean => library.byKey(key) !== undefined || inBibliography.has(key.toLowerCase()) || notes.inline.has(key.toLowerCase());
    const citations = notes.map.all().map((c) => ({ key: c.key, file: c.file, line: c.line, column: c.column, locator: c.locator ?? null, command: c.command }));
    const unknown = notes.map.unknownKeys(known).map((entry) => entry.key);
    print(options.json, { citations, unknown }, () =>
      (citations.length ? table([['FILE:LINE:COLUMN', 'KEY', 'LOCATOR', 'COMMAND'], ...citations.map((c) => [`${c.file}:${c.line}:${c.column}`, c.key, c.locator ?? '', c.command])]) : 'No citations.\n') +
      `${citations.length} citations of ${notes.map.counts().keys} keys in ${notes.map.counts().files} notes${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}\n`);
    return 0;
  }
  if (!bibFiles.length) throw new UsageError('check needs --bib FILE: the notes name no bibliography.');
  const result = checkBibliography({ citations: notes.map.all(), citesAll: notes.map.citesAll(), entries, library, definedInNotes: (key) => notes.inline.has(key.toLowerCase()) });
  print(options.json, result, () => {
    const lines: string[] = [];
    for (const entry of result.unused) lines.push(`${entry.file}:${entry.line}: unused: no note cites ${entry.key}`);
    for (const missing of result.missing) lines.push(`${missing.citations[0]!.file}:${missing.citations[0]!.line}: missing: ${missing.key} is cited (${missing.citations.length}×) but not in the bibliography${missing.inLibrary ? '; the library has it' : ''}`);
    for (const duplicate of result.duplicates) lines.push(`${duplicate.entries[0]!.file}:${duplicate.entries[0]!.line}: duplicate: ${duplicate.keys.join(', ')} are one paper (${duplicate.reason})`);
    for (const stale of result.stale) lines.push(`${stale.file}:${stale.line}: stale: ${stale.key} differs from the library in ${stale.fields.map((field) => field.field).join(', ')}`);
    const counts = `${result.unused.length} unused, ${result.missing.length} missing, ${result.duplicates.length} duplicates, ${result.stale.length} stale`;
    return lines.map((line) => `${line}\n`).join('') + `${counts} (${entries.length} entries, ${notes.map.counts().citations} citations)\n`;
  });
  return 0;
}

/** `--csl`: a style's name, or the path of a .csl file, whose XML is the style. */
function readCslStyle(style: string): string {
  if (!/\.csl$/i.test(style) && !existsSync(style)) return style;
  try {
    return readFileSync(style, 'utf8');
  } catch (error) {
    throw new UsageError(`--csl: could not read "${style}" (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** `resolve` and `add`: the commands that reach the network. Ctrl+C stops a run and keeps what it found. */
async function networkCommand(options: Options, library: Library): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  const common = { root: options.libraries[0]!, library, json: options.json, version: packageVersion(), huggingFaceUrl: options.huggingFaceUrl, arxivUrl: options.arxivUrl, crossrefUrl: options.crossrefUrl, signal: controller.signal };
  try {
    if (options.command === 'resolve') return await resolveCommand({ ...common, dryRun: options.dryRun });
    return await addCommand(options.args[0]!, { ...common, to: options.to, keyTemplate: options.keyTemplate });
  } catch (error) {
    if (error instanceof UnknownIdentifierError) throw new UsageError(error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', stop);
  }
}

/** This program's version, for the User-Agent the services see. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0';
  } catch {
    return '0';
  }
}

/** `publish` and `search --postgres`: the shared library on PostgreSQL. */
async function sharedLibraryCommand(options: Options): Promise<number> {
  if (options.command === 'search') {
    const results = await sharedSearch({ query: options.args[0]!, connectionString: options.postgres!, limit: options.limit });
    print(options.json, { results }, () => (results.length ? table([['KEY', 'SCORE', 'TITLE'], ...results.map((r) => [r.key, r.score.toFixed(3), clip(r.title, 90)])]) : 'No papers match.\n'));
    return 0;
  }
  await publishCommand({ folders: options.libraries, connectionString: options.postgres || undefined, include: options.include, exclude: options.exclude, keyTemplate: options.keyTemplate, json: options.json, producer: `lit-review ${packageVersion()}`, log: (line) => process.stderr.write(`${line}\n`) });
  return 0;
}

interface TopicOutput {
  name: string;
  why: string;
  keys: string[];
  children?: TopicOutput[];
}

function topicOutput(topic: Topic): TopicOutput {
  const children = topic.children?.map(topicOutput);
  return { name: topic.name, why: topic.why, keys: topic.keys, ...(children?.length ? { children } : {}) };
}

function topicLines(topics: readonly TopicOutput[], indent: string): string {
  return topics.map((t) => `${indent}${t.name} (${t.keys.length}): ${t.why}\n${t.children ? topicLines(t.children, `${indent}  `) : `${indent}  ${t.keys.join(', ')}\n`}`).join('');
}

// `lit-review bib | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof SharedLibraryError) {
      process.stderr.write(`lit-review: ${error.message}\n`);
      process.exitCode = 1;
    } else if (error instanceof UsageError) {
      process.stderr.write(`lit-review: ${error.message}\nRun "lit-review --help" for usage.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`lit-review: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
