// `lit-review`: the same core as the extension, from a terminal.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBibtex, formatBibtexEntry } from './core/bibtex/write';
import { formatCitation } from './core/notes/citationText';
import { DEFAULT_KEY_TEMPLATE } from './core/paper/keys';
import { Library, type Listing } from './core/indexing/library';
import type { Paper, Problem } from './core/paper/paper';
import { SearchIndex } from './core/search';
import { computeTopics, OVERRIDES_FILE, parseOverrides, type Topic, type TopicOverrides } from './core/topics';
import { readListings } from './node/readListings';

const USAGE = `Usage: lit-review <command> [options]

Commands:
  index                     every paper and every problem in the library
  search "QUERY" [--limit N] papers matching QUERY, best first (default limit 20)
  topics                    papers grouped by topic
  cite KEY... [--style pandoc|latex|bibtex]
                            a citation for the given keys (default pandoc)
  bib                       a complete .bib of the library on stdout

Options:
  --library PATH            a folder or file of listings (repeatable; default: .)
  --include GLOB, --exclude GLOB
                            files to read and to leave out, relative to each library
                            folder (repeatable; default: the extension's defaults)
  --key-template TEMPLATE   citation key template (default ${DEFAULT_KEY_TEMPLATE})
  --json                    print exactly one JSON document
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
  keyTemplate?: string;
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
        'key-template': { type: 'string' },
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
    keyTemplate: values['key-template'],
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
  if (!['index', 'search', 'topics', 'cite', 'bib'].includes(options.command)) throw new UsageError(`Unknown command "${options.command}".`);
  if (options.command === 'search' && options.args.length !== 1) throw new UsageError('search takes one QUERY (quote it if it has spaces).');
  if (options.command === 'cite' && !options.args.length) throw new UsageError('cite needs at least one KEY.');
  if (options.command === 'cite' && !['pandoc', 'latex', 'bibtex'].includes(options.style)) throw new UsageError(`--style is pandoc, latex or bibtex, not "${options.style}".`);

  const missing = options.libraries.filter((root) => !existsSync(root));
  if (missing.length) {
    for (const root of missing) process.stderr.write(`lit-review: the library folder "${root}" does not exist.\n`);
    return 1;
  }
  const { library, overrides, problems } = await loadLibrary(options);
  const papers = library.papers;
  switch (options.command) {
    case 'index': {
      const { merges, refusedMerges } = library;
      const papers = computeTopics(library.papers, { overrides, folderTopics: true }).papers;
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
      const entries = () => keys.map((key) => formatBibtexEntry(library.byKey(key)!, { key })).join('\n');
      const text = !keys.length ? '' : options.style === 'bibtex' ? entries() : `${formatCitation(keys, options.style as 'pandoc' | 'latex')}\n`;
      print(options.json, { citation: text, unknown }, () => text);
      // What it could cite is printed, but a script must learn that some keys were not there.
      if (unknown.length) return 1;
      break;
    }
    case 'bib':
      process.stdout.write(formatBibtex(papers));
      break;
  }
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
    if (error instanceof UsageError) {
      process.stderr.write(`lit-review: ${error.message}\nRun "lit-review --help" for usage.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`lit-review: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
