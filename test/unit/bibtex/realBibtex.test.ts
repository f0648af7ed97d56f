// Real third-party bibliographies (test/fixtures/real/bibtex, see its PROVENANCE.md), each
// folder read as one library, as the extension and the CLI read it. Every entry is accounted
// for, every key written resolves, and every field survives `bib`.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatBibtex } from '../../../src/core/bibtex/write';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { parseBibtex } from '../../../src/core/sources/bibtex';
import { resolveBibliography } from '../../../src/core/bibtex/bibliography';
import { readListings } from '../../../src/node/readListings';
import { FIXTURES } from '../helpers';

const REAL = path.join(FIXTURES, 'real', 'bibtex');

/**
 * Entries per folder, counted with a plain scan for `@type{` / `@type(` at the start of a
 * line, @string, @comment and @preamble left out (independently of the parser).
 */
const ENTRIES: Record<string, number> = {
  'better-bibtex': 1032,
  biber: 3,
  'citation-js': 64,
  'citavi-biblatex-fixer': 1,
  'python-bibtexparser': 6,
  'split-ieeetran': 72,
  'split-iridia': 1796,
  texlive: 514,
};

/** Entries skipped with a problem at their line: unreadable ones (a missing comma, an unclosed brace). */
const SKIPPED: Record<string, number> = { 'better-bibtex': 1, 'citation-js': 1 };

/** Papers that joined several keys: duplicates within one bibliography (xampl's -minimal/-full, Beebe's two TUGboat records). */
const MERGES: Record<string, number> = { 'better-bibtex': 2, 'split-ieeetran': 1, 'split-iridia': 10, texlive: 22 };

/** Fields of a second entry under a key already written, whose values differ from the first's (Mendeley repeats keys). */
const REPEATED_KEY_FIELDS: Record<string, number> = { 'better-bibtex': 3 };

interface Loaded {
  library: Library;
  listings: { file: string; text: string }[];
}

const loaded = new Map<string, Promise<Loaded>>();
function load(folder: string): Promise<Loaded> {
  let library = loaded.get(folder);
  if (!library) {
    library = readListings(path.join(REAL, folder), {}).then((read) => ({ library: Library.fromListings(read.listings), listings: read.listings }));
    loaded.set(folder, library);
  }
  return library;
}

/** Keys written in the files, by a plain scan. */
function writtenKeys(text: string): string[] {
  return [...text.matchAll(/^\s*@\s*(\w+)\s*[{(]\s*([^\s,{}()"#%'=]+)\s*,/gm)].filter((m) => !/^(string|comment|preamble)$/i.test(m[1]!)).map((m) => m[2]!);
}

describe('real bibliographies', function () {
  this.timeout(60_000);

  for (const folder of Object.keys(ENTRIES)) {
    describe(folder, () => {
      it(`accounts for all ${ENTRIES[folder]} entries: each is a paper's source or a problem at its line`, async () => {
        const { library } = await load(folder);
        const sources = library.papers.reduce((sum, paper) => sum + paper.sources.length, 0);
        const skipped = library.problems.filter((p) => /skipped/.test(p.message));
        assert.equal(skipped.length, SKIPPED[folder] ?? 0, skipped.map((p) => p.message).join('\n'));
        assert.equal(sources + skipped.length, ENTRIES[folder]);
        assert.equal(library.merges.length, MERGES[folder] ?? 0);
        const aliases = library.papers.reduce((sum, paper) => sum + (paper.aliases?.length ?? 0), 0);
        assert.equal(library.merges.reduce((sum, merge) => sum + merge.aliases.length, 0), aliases);
      });

      it('resolves every key written in its files', async () => {
        const { library, listings } = await load(folder);
        const lost = listings.flatMap((listing) => writtenKeys(listing.text)).filter((key) => !library.byKey(key));
        assert.deepEqual(lost, []);
      });

      it('writes every field of every entry back, value for value', async () => {
        const { library, listings } = await load(folder);
        const bySource = new Map<string, Paper>();
        for (const paper of library.papers) for (const source of paper.sources) bySource.set(`${source.file}:${source.line}`, paper);
        const written = parseBibtex(formatBibtex(library.papers), 'export.bib');
        const writtenByKey = new Map(written.papers.map((draft) => [draft.pinnedKey!.toLowerCase(), new Map(draft.bibtex!.fields)]));
        const originals = resolveBibliography(listings.map((listing) => ({ file: listing.file, result: parseBibtex(listing.text, listing.file) }))).drafts;
        const lost: string[] = [];
        const seenKeys = new Set<string>();
        let kept = 0;
        let repeated = 0;
        for (const original of originals) {
          const paper = bySource.get(`${original.sources[0]!.file}:${original.sources[0]!.line}`)!;
          // Each entry is written under its own key; a keyless one, or one whose key another work holds, under the paper's.
          const ownKey = original.pinnedKey && [paper.key, ...(paper.aliases ?? [])].some((key) => key.toLowerCase() === original.pinnedKey!.toLowerCase()) ? original.pinnedKey : paper.key;
          const fields = writtenByKey.get(ownKey.toLowerCase());
          assert.ok(fields, `${ownKey} is written`);
          // A key written twice in one bibliography: BibTeX itself reads only the first entry.
          const again = seenKeys.has(ownKey.toLowerCase());
          seenKeys.add(ownKey.toLowerCase());
          for (const [name, value] of original.bibtex!.fields) {
            if (fields.get(name) === value) kept++;
            else if (again) repeated++;
            else lost.push(`${ownKey}.${name}: ${JSON.stringify(value)} became ${JSON.stringify(fields.get(name))}`);
          }
        }
        assert.deepEqual(lost.slice(0, 10), []);
        assert.ok(kept > 0);
        assert.equal(repeated, REPEATED_KEY_FIELDS[folder] ?? 0);
      });
    });
  }
});
