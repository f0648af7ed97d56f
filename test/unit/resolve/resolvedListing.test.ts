// The listing Complete Metadata writes: read back with the library, each entry joins its
// paper under the paper's own key, and a second run replaces entries rather than repeating them.
import assert from 'node:assert/strict';
import { formatBibtexEntry } from '../../../src/core/bibtex/write';
import { Library, type Listing } from '../../../src/core/indexing/library';
import type { Found } from '../../../src/core/resolve/match';
import { RESOLVED_LISTING, resolvedEntry, updateResolvedListing } from '../../../src/core/resolve/resolvedListing';
import { resolvePapers } from '../../../src/core/resolve/resolver';
import { ReplayServer } from '../../services/replayServer';
import { exampleListing } from '../helpers';
import { servicesFor } from './setup';

function found(fields: Partial<Found> & { title: string }): Found {
  return { service: 'arXiv', authors: [], links: [], ...fields };
}

describe('resolve: the resolved listing', () => {
  let server: ReplayServer;
  before(async () => {
    server = await ReplayServer.start();
  });
  after(() => server.close());

  it('joins every resolved example paper under its key, with authors and eprint, and changes no key', async () => {
    const example = exampleListing();
    const before = Library.fromListings([example]);
    const summary = await resolvePapers(before.papers, servicesFor(server).services);
    const entries = new Map(summary.resolved.map(({ key, found }) => [key, resolvedEntry(before.byKey(key)!, found)]));
    const listing: Listing = { file: RESOLVED_LISTING, text: updateResolvedListing(undefined, entries) };
    const after = Library.fromListings([example, listing]);
    assert.equal(after.papers.length, before.papers.length, 'no paper added: each entry merged with its paper');
    assert.deepEqual(after.papers.map((p) => p.key).sort(), before.papers.map((p) => p.key).sort());
    assert.deepEqual(after.problems, []);
    const zero = after.byKey('zerosearch2025')!;
    assert.equal(zero.arxivId, '2505.04588');
    assert.equal(zero.authors[0], 'Hao Sun');
    assert.equal(zero.upvotes, 8, 'what the page said stays');
    assert.equal(zero.date, '2025-05-07');
    const cited = formatBibtexEntry(zero);
    for (const field of ['author', 'eprint', 'archiveprefix', 'url']) assert.match(cited, new RegExp(`^  ${field} = `, 'mi'), field);
  });

  it('replaces an entry of the same key on a second run and keeps the others', () => {
    const first = updateResolvedListing(undefined, new Map([['a2020', '@misc{a2020,\n  title = {A}\n}\n'], ['b2020', '@misc{b2020,\n  title = {B}\n}\n']]));
    const second = updateResolvedListing(first, new Map([['A2020', '@misc{A2020,\n  title = {A, again}\n}\n'], ['c2020', '@misc{c2020,\n  title = {C}\n}\n']]));
    assert.equal((second.match(/@misc\{/g) ?? []).length, 3);
    assert.ok(second.indexOf('A, again') < second.indexOf('{B}') && second.indexOf('{B}') < second.indexOf('{C}'), 'in place, new ones at the end');
    assert.ok(second.startsWith('% Written by Lit Review'));
    assert.equal(updateResolvedListing(second, new Map()), second);
  });

  it('keeps the file’s CRLF line endings', () => {
    const text = updateResolvedListing('% mine\r\n\r\n@misc{a,\r\n  title = {A}\r\n}\r\n', new Map([['b', '@misc{b,\n  title = {B}\n}\n']]));
    assert.ok(!/[^\r]\n/.test(text), JSON.stringify(text));
  });

  it('keeps every field a user’s .bib entry wrote and its key, adding what it lacked', () => {
    const bib: Listing = { file: 'refs.bib', text: '@inproceedings{Smith:Walks, title = {Heat-bath Random Walks with {M}arkov Bases}, booktitle = {Proc. Walks}, note = {mine}}' };
    const before = Library.fromListings([bib]);
    const paper = before.byKey('Smith:Walks')!;
    const entry = resolvedEntry(paper, found({ title: 'Heat-bath random walks with Markov bases', authors: ['Caprice Stanley', 'Tobias Windisch'], arxivId: '1605.08386', year: 2016 }));
    const after = Library.fromListings([bib, { file: RESOLVED_LISTING, text: updateResolvedListing(undefined, new Map([[paper.key, entry]])) }]);
    assert.equal(after.papers.length, 1);
    const merged = after.byKey('Smith:Walks')!;
    assert.equal(merged.key, 'Smith:Walks');
    const cited = formatBibtexEntry(merged);
    assert.match(cited, /^@inproceedings\{Smith:Walks,/);
    assert.match(cited, /title = \{Heat-bath Random Walks with \{M\}arkov Bases\}/);
    assert.match(cited, /note = \{mine\}/);
    assert.match(cited, /author = \{Stanley, Caprice and Windisch, Tobias\}/);
    assert.match(cited, /eprint = \{1605.08386\}/);
  });
});
