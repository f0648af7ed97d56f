// Whatever a folder holds, indexing ends, reports what it could not read, and writes nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { Library } from '../../src/core/indexing/library';
import { PaperSchema, ProblemSchema } from '../../src/core/paper/paper';
import { PARSERS, parseListing } from '../../src/core/sources';
import { readListings } from '../../src/node/readListings';
import { EXAMPLE_FILE, FIXTURES, fixture } from './helpers';

/** Every hand-made fixture, as [name in a listing folder, text]. */
const SEEDS: [string, string][] = [
  [EXAMPLE_FILE, fixture(EXAMPLE_FILE)],
  ['traps.bib', fixture('bibtex', 'traps.bib')],
  ['awesome.md', fixture('markdown', 'awesome-llm-search.md')],
  ['new.txt', fixture('arxiv', 'cs-new-submissions.txt')],
  ['daily.json', fixture('hf-json', 'daily-papers.json')],
];

/**
 * Every parser, not only the one the file's name and content would pick, must end with
 * valid records and problems, never an exception.
 */
function assertWellFormed(text: string, file: string): void {
  assertResult(parseListing(text, file), file);
  for (const [format, parse] of Object.entries(PARSERS)) assertResult(parse(text, file), `${file} as ${format}`);
}

function assertResult(result: ReturnType<typeof parseListing>, file: string): void {
  for (const paper of result.papers) {
    const parsed = PaperSchema.safeParse({ ...paper, key: 'k', topics: [] });
    assert.ok(parsed.success, `${file}: a paper that breaks the schema: ${JSON.stringify(paper).slice(0, 200)}`);
  }
  for (const problem of result.problems) assert.ok(ProblemSchema.safeParse(problem).success);
}

describe('robustness', function () {
  this.timeout(300_000);

  it('survives random bytes in every format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...SEEDS.map(([name]) => name)), (bytes, name) => {
        assertWellFormed(Buffer.from(bytes).toString('latin1'), name);
      }),
      { numRuns: 300 },
    );
  });

  it('survives truncated fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.double({ min: 0, max: 1, noNaN: true }), ([name, text], cut) => {
        assertWellFormed(text.slice(0, Math.floor(text.length * cut)), name);
      }),
      { numRuns: 150 },
    );
  });

  it('survives random edits of valid fixtures', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 20, unit: fc.constantFrom('{', '}', '@', '\\', '"', '\n', ',', '[', ']', '(', ')', '|', '·', '•', '$', 'a', ' ') }) });
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 8 }), ([name, text], edits) => {
        let edited = text;
        for (const { at, remove, insert } of edits) {
          const i = Math.floor(edited.length * at);
          edited = edited.slice(0, i) + insert + edited.slice(i + remove);
        }
        assertWellFormed(edited, name);
      }),
      { numRuns: 150 },
    );
  });

  it('returns on pathological inputs in every format', () => {
    const inputs: [string, string][] = [
      ['line.txt', 'x '.repeat(2_500_000)],
      ['nested.bib', `@misc{deep, title = ${'{'.repeat(200_000)}x${'}'.repeat(200_000)}}`],
      ['nested.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
      ['nested.md', `- ${'['.repeat(200_000)}`],
      ['open.bib', '@article{a,\n  title = {unterminated\n'.repeat(5000)],
      ['separators.txt', '·\n'.repeat(100_000)],
      ['arxiv.txt', `${'-'.repeat(78)}\n\\\\\n`.repeat(50_000)],
    ];
    for (const [name, text] of inputs) assertWellFormed(text, name);
  });

  it('indexes every good paper of a folder of bad files and leaves every byte as it was', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lit-review-bad-'));
    copyFileSync(path.join(FIXTURES, EXAMPLE_FILE), path.join(folder, EXAMPLE_FILE));
    copyFileSync(path.join(FIXTURES, 'arxiv', 'cs-new-submissions.txt'), path.join(folder, 'arxiv.txt'));
    writeFileSync(path.join(folder, 'broken.bib'), '@article{ok2024, title = {A Good Paper Among Bad Ones}, year = 2024}\n@article{bad, title = {never closed\n');
    writeFileSync(path.join(folder, 'invalid.json'), '{"papers": [ {"title": "x", ');
    writeFileSync(path.join(folder, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d]));
    writeFileSync(path.join(folder, 'latin1.md'), Buffer.from('- [M\xfcller and the Caf\xe9 Problem](https://arxiv.org/abs/2501.00001)\n', 'latin1'));
    const before = new Map(readdirSync(folder).map((name) => [name, hash(path.join(folder, name))]));

    const read = await readListings(folder);
    const library = Library.fromListings(read.listings);
    const problems = [...read.problems, ...library.problems];
    const titles = library.papers.map((p) => p.title);
    assert.ok(titles.includes('SSRL: Self-Search Reinforcement Learning'));
    assert.ok(titles.includes('A Good Paper Among Bad Ones'));
    assert.ok(titles.includes('Müller and the Café Problem'), 'Windows-1252 text is decoded');
    assert.ok(library.papers.length >= 62);
    const byFile = (file: string) => problems.filter((p) => p.file === file).map((p) => p.message).join(' | ');
    assert.match(byFile('broken.bib'), /not closed|unterminated|never closed|closing/i);
    assert.ok(byFile('invalid.json'), 'the invalid JSON is reported');
    assert.match(byFile('image.txt'), /binary/);
    assert.match(byFile('latin1.md'), /Windows-1252/);
    for (const [name, digest] of before) assert.equal(hash(path.join(folder, name)), digest, `${name} is unchanged`);
  });
});

function hash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
