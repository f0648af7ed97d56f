// How fast the citation map keeps up with a workspace of notes: 1,000 notes holding 20,000
// citations in every form (Pandoc brackets and in-text, LaTeX natbib, biblatex and multicite,
// Typst), built once, then one note edited at a time as the editor reports changes.
// Run: npx tsx bench/citations.ts [--notes 1000] [--citations 20000] [--edits 200]
import { parseArgs } from 'node:util';
import { CitationMap } from '../src/core/notes/citationMap';
import type { NoteLanguage } from '../src/core/notes/grammar';
import { Random } from './random';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' }, citations: { type: 'string', default: '20000' }, edits: { type: 'string', default: '200' } } });
const NOTES = Number(values.notes);
const CITATIONS = Number(values.citations);
const EDITS = Number(values.edits);
const KEYS = 3000;

const source = new Random(16);
const random = (): number => source.next();
const pick = <T>(items: readonly T[]): T => source.pick(items);
const key = (): string => `author${source.int(0, KEYS - 1)}:${source.int(2000, 2024)}`;
const locator = (): string => pick(['p. 3', 'pp. 12–15', 'chap. 2', 'sec. 4.1', '']);

/** One citation in a form of the note's language, and how many keys it cites. */
const FORMS: Record<NoteLanguage, (() => [string, number])[]> = {
  markdown: [
    () => [`[see @${key()}, ${locator() || 'p. 1'}; @${key()}]`, 2],
    () => [`@${key()} [${locator() || 'p. 9'}]`, 1],
    () => [`[-@${key()}]`, 1],
    () => [`@${key()}`, 1],
    () => [`[@{${key()} odd}]`, 1],
  ],
  latex: [
    () => [`\\cite[${locator().replace(' ', '~')}]{${key()}}`, 1],
    () => [`\\citep[see][p.~3]{${key()},${key()}}`, 2],
    () => [`\\textcite{${key()}}`, 1],
    () => [`\\parencites[p.~3]{${key()}}[chap.~2]{${key()}}`, 2],
    () => [`\\autocite*{${key()}}`, 1],
  ],
  typst: [() => [`@${key()}[p. 3]`, 1], () => [`#cite(<${key()}>)`, 1], () => [`@${key()}`, 1]],
};

const PROSE = 'Retrieval agents read the literature and rank what they find; the question is how much they miss. ';
const CODE: Record<NoteLanguage, string> = {
  markdown: '```python\n@decorator\ndef f(): return "me@example.org"\n```\nInline `@code` and $x@y$ math.\n',
  latex: '% \\cite{commented}\n\\begin{verbatim}\n\\cite{verbatim}\n\\end{verbatim}\n50\\% of it.\n',
  typst: '// @commented\n`@raw` and $x$.\n',
};

/** A note with `count` citations: paragraphs of prose, a citation every sentence or two, some code. */
function note(language: NoteLanguage, count: number): string {
  const lines: string[] = language === 'markdown' ? ['---', 'title: A note', 'bibliography: refs.bib', '---', ''] : [];
  let cited = 0;
  while (cited < count) {
    const [sentence, keys] = pick(FORMS[language])();
    cited += keys;
    lines.push(`${PROSE}${sentence} ${PROSE}`);
    if (random() < 0.1) lines.push(CODE[language]);
    if (random() < 0.3) lines.push('');
  }
  return lines.join('\n');
}

function languageOf(index: number): NoteLanguage {
  return index % 10 < 6 ? 'markdown' : index % 10 < 9 ? 'latex' : 'typst';
}

const perNote = CITATIONS / NOTES;
const notes = Array.from({ length: NOTES }, (_, index) => ({ file: `notes/${index}.${['md', 'tex', 'typ'][['markdown', 'latex', 'typst'].indexOf(languageOf(index))]}`, language: languageOf(index), text: note(languageOf(index), perNote) }));
const bytes = notes.reduce((sum, n) => sum + n.text.length, 0);

// An untimed build first: what counts is the steady state once the code is compiled.
const warm = new CitationMap();
for (const n of notes) warm.update(n.file, n.text, n.language);

const started = performance.now();
const map = new CitationMap();
for (const n of notes) map.update(n.file, n.text, n.language);
const buildMs = performance.now() - started;
const counts = map.counts();

const times: number[] = [];
for (let edit = 0; edit < EDITS; edit++) {
  const target = pick(notes);
  // An edit as typing makes it: a citation added, or the note's last line removed.
  target.text = random() < 0.6 ? `${target.text}\n${PROSE}${pick(FORMS[target.language])()[0]}` : target.text.slice(0, Math.max(0, target.text.lastIndexOf('\n')));
  const start = performance.now();
  map.update(target.file, target.text, target.language);
  map.citedIn(key());
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const quantile = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;

const figures = {
  notes: counts.files,
  citations: counts.citations,
  keys: counts.keys,
  textMB: Number((bytes / 1e6).toFixed(2)),
  buildMs: Number(buildMs.toFixed(1)),
  editP50Ms: Number(quantile(0.5).toFixed(3)),
  editP95Ms: Number(quantile(0.95).toFixed(3)),
  editMaxMs: Number(times[times.length - 1]!.toFixed(3)),
};
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(12)} ${value}`);
console.log(JSON.stringify(figures));
