import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Library } from '../../../src/core/indexing/library';
import { applyEdits, checkBibliography, entryFieldSpans, readBibEntries, removeEntryEdit, renameKeyEdits, staleFieldEdits } from '../../../src/core/notes/bibliographyCheck';
import { CitationMap } from '../../../src/core/notes/citationMap';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/notes');

const LIBRARY_BIB = [
  '@article{smith2020rank, title = {Learning to Rank Papers Quickly}, author = {Smith, Ann}, year = {2020}, pages = {1--9}, doi = {10.1000/rank}}',
  '@misc{lee2021, title = {Search Agents That Read Everything}, author = {Lee, Chen}, year = {2021}}',
].join('\n');

const NOTE_BIB = [
  '% kept by hand',
  '@article{smith2020rank,',
  '  title = {Learning to Rank Papers Quickly},',
  '  author = {Smith, Ann},',
  '  year = 2019,',
  '  pages = {1-9},',
  '  doi = {10.1000/rank}',
  '}',
  '',
  '@article{smith2020,',
  '  title = {Learning to rank papers quickly},',
  '  author = {Smith, A.},',
  '  year = {2020},',
  '  doi = {10.1000/RANK}',
  '}',
  '',
  '@proceedings{proc21, title = {Proceedings of Search}, year = {2021}}',
  '@inproceedings{lee2021, title = {Search Agents That Read Everything}, author = {Lee, Chen}, year = {2021}, crossref = {proc21}}',
  '@book{unused2000, title = {A Book Nobody Cites}, year = {2000}}',
  '',
].join('\n');

function checked(notes: [string, string][]) {
  const library = Library.fromListings([{ file: 'papers.bib', text: LIBRARY_BIB }]);
  const map = new CitationMap();
  for (const [file, text] of notes) map.update(file, text, file.endsWith('.tex') ? 'latex' : 'markdown');
  const { entries } = readBibEntries(NOTE_BIB, 'refs.bib');
  return { result: checkBibliography({ citations: map.all(), citesAll: map.citesAll(), entries, library, definedInNotes: (key) => key === 'inline1' }), entries };
}

describe('checking a bibliography', () => {
  it('finds unused entries (a crossref target of a cited entry is used), missing keys, duplicates and stale fields', () => {
    const { result } = checked([
      ['draft.md', '[@smith2020rank, p. 3; @lee2021]\n\n@missing1 and @inline1.'],
      ['paper.tex', '\\cite{smith2020,missing1}'],
    ]);
    assert.deepEqual(result.unused, [{ key: 'unused2000', file: 'refs.bib', line: 19 }]);
    assert.deepEqual(result.missing.map((m) => [m.key, m.inLibrary, m.citations.map((c) => `${c.file}:${c.line}:${c.column}`)]), [['missing1', false, ['draft.md:3:2', 'paper.tex:1:17']]]);
    assert.deepEqual(result.duplicates.map((d) => [d.keys, d.reason, d.entries.map((e) => e.line)]), [[['smith2020rank', 'smith2020'], 'DOI', [2, 10]]]);
    assert.deepEqual(result.stale.map((s) => [s.key, s.line, s.fields.map((f) => [f.field, f.bib, f.library])]), [['smith2020rank', 2, [['year', '2019', '2020']]]]);
  });

  it('counts no entry unused when a note cites the whole bibliography', () => {
    assert.deepEqual(checked([['all.tex', '\\nocite{*}']]).result.unused, []);
  });

  it('names two keys of one paper in the library as duplicates', () => {
    const library = Library.fromListings([{ file: 'papers.bib', text: `${LIBRARY_BIB}\n@misc{rank2020, title = {Learning to rank papers quickly}, year = {2020}, author = {Smith, A.}}` }]);
    const { entries } = readBibEntries('@misc{smith2020rank, title = {X}}\n@misc{rank2020, title = {Y}}', 'refs.bib');
    const result = checkBibliography({ citations: [], entries, library });
    assert.deepEqual(result.duplicates.map((d) => [d.keys, d.reason]), [[['smith2020rank', 'rank2020'], 'library']]);
  });

  it('fixes by edits that keep every other byte', () => {
    const { result, entries } = checked([['draft.md', '[@smith2020rank]']]);
    const unused = entries.find((entry) => entry.key === 'unused2000')!;
    const removed = applyEdits(NOTE_BIB, [removeEntryEdit(NOTE_BIB, unused)]);
    assert.equal(removed, NOTE_BIB.replace('@book{unused2000, title = {A Book Nobody Cites}, year = {2000}}\n', ''));
    const stale = result.stale[0]!;
    const entry = entries.find((e) => e.key === stale.key)!;
    const fixed = applyEdits(NOTE_BIB, staleFieldEdits(NOTE_BIB, entry, stale.fields));
    assert.equal(fixed, NOTE_BIB.replace('  year = 2019,', '  year = {2020},'));
    const added = applyEdits(NOTE_BIB, staleFieldEdits(NOTE_BIB, entry, [{ field: 'note', library: 'Added' }]));
    assert.equal(added, NOTE_BIB.replace('  doi = {10.1000/rank}\n}', '  doi = {10.1000/rank},\n  note = {Added}\n}'));
    assert.deepEqual(entryFieldSpans(NOTE_BIB, entry).map((span) => span.name), ['title', 'author', 'year', 'pages', 'doi']);
    const note = 'As [@smith2020; @lee2021] and \\cite{smith2020}.';
    assert.equal(applyEdits(note, renameKeyEdits(note, 'markdown', 'Smith2020', 'smith2020rank')), 'As [@smith2020rank; @lee2021] and \\cite{smith2020}.');
  });
});

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the notes commands of the command line', function () {
  this.timeout(60_000);

  it('lists every citation of a folder of notes with its place, locator and command, and the unknown keys', () => {
    const run = cli('citations', '--library', 'library', '--notes', 'notes', '--json');
    assert.equal(run.code, 0, run.stderr);
    const document = JSON.parse(run.stdout) as { citations: { key: string; file: string; line: number; column: number; locator: string | null; command: string }[]; unknown: string[] };
    const place = (c: (typeof document.citations)[number]): string => `${c.file}:${c.line}:${c.column} ${c.key} ${c.locator ?? '-'} ${c.command}`;
    assert.deepEqual(document.citations.map(place), [
      'notes/analysis.qmd:5:21 lee2021search sec. 2 [@]',
      'notes/chapter.tex:5:11 smith2020rank - \\citet',
      'notes/chapter.tex:5:66 lee2021search p. 3 \\citep',
      'notes/chapter.tex:6:19 smith2020rank p. 3 \\parencites',
      'notes/chapter.tex:6:43 garcia2023zero chap. 2 \\parencites',
      'notes/chapter.tex:8:51 lee2021search - \\textcite*',
      'notes/chapter.tex:12:9 smith2020 - \\nocite',
      'notes/draft.md:5:4 lee2021search - nocite',
      'notes/draft.md:11:22 smith2020rank pp. 3-5 [@]',
      'notes/draft.md:11:48 garcia2023zero - [@]',
      'notes/draft.md:11:69 smith2020rank p. 7 @ []',
      'notes/draft.md:19:15 odd:key/2019 - @',
      'notes/draft.md:19:41 nobody1999 - [@]',
      'notes/slides.typ:3:10 smith2020rank p. 3 @[]',
      'notes/slides.typ:3:41 garcia2023zero chap. 2 #cite',
    ]);
    assert.deepEqual(document.unknown, ['nobody1999']);
  });

  it('checks the bibliography the notes name against them and the library', () => {
    const run = cli('check', '--library', 'library', '--notes', 'notes', '--json');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { unused: { key: string }[]; missing: { key: string; inLibrary: boolean }[]; duplicates: { keys: string[]; reason: string }[]; stale: { key: string; fields: { field: string }[] }[] };
    assert.deepEqual(result.unused.map((u) => u.key), ['unused2000']);
    assert.deepEqual(result.missing.map((m) => [m.key, m.inLibrary]), [['garcia2023zero', true], ['odd:key/2019', true], ['nobody1999', false]]);
    assert.deepEqual(result.duplicates.map((d) => [d.keys, d.reason]), [[['smith2020rank', 'smith2020'], 'title']]);
    assert.deepEqual(result.stale.map((s) => [s.key, s.fields.map((f) => f.field)]), [['smith2020rank', ['journal', 'doi']]]);
    const text = cli('check', '--library', 'library', '--notes', 'notes/draft.md', '--bib', 'notes/paper.bib');
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^notes\/paper\.bib:24: unused: no note cites unused2000$/m);
    assert.match(text.stdout, /2 unused, 3 missing, 1 duplicates, 1 stale/);
  });

  it('writes only the entries the notes cite, under the keys they cite them by', () => {
    const run = cli('bib', '--library', 'library', '--cited-in', 'notes/slides.typ', 'notes/chapter.tex');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual([...run.stdout.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]), ['smith2020rank', 'lee2021search', 'garcia2023zero']);
    assert.ok(readFileSync(path.join(FIXTURES, 'library/papers.bib'), 'utf8').includes('odd:key/2019'));
  });

  it('says how to use it when the notes are missing', () => {
    const run = cli('citations', '--library', 'library');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs --notes PATH/);
  });
});
