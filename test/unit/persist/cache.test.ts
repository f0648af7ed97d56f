import assert from 'node:assert/strict';
import { CACHE_VERSION, decodeCache, encodeCache, freshResult, type CacheEntry } from '../../../src/core/persist/cache';
import { Library } from '../../../src/core/indexing/library';
import { PaperDraftSchema, problem, type PaperDraft } from '../../../src/core/paper/paper';
import { parseListing } from '../../../src/core/sources';
import { EXAMPLE_FILE, fixture } from '../helpers';

const listing = fixture(EXAMPLE_FILE);
const savedAt = new Date('2026-11-28T12:00:00Z');

/** Without the keys whose value is undefined, which JSON (and so the cache) leaves out. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function entries(): CacheEntry[] {
  const result = parseListing(listing, 'hf.txt', { modifiedAt: savedAt });
  return [
    { file: 'hf.txt', mtimeMs: savedAt.getTime(), size: Buffer.byteLength(listing), result: { papers: result.papers, problems: result.problems } },
    { file: 'empty.md', mtimeMs: 1700000000000.5, size: 0, result: { papers: [], problems: [problem('empty.md', 1, 'No papers found.', 'warning')] } },
  ];
}

/** The cache with its JSON header's text changed, the header's length kept in step. */
function replaceInHeader(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = view.getUint32(8, true);
  const header = new TextDecoder().decode(bytes.subarray(12, 12 + length));
  assert.ok(header.includes(from), `the header has ${from}`);
  const changed = new TextEncoder().encode(header.replace(from, to));
  const blocksAt = blockStart(bytes);
  const changedAt = Math.ceil((12 + changed.length) / 4) * 4;
  const out = new Uint8Array(changedAt + bytes.length - blocksAt);
  out.set(bytes.subarray(0, 8));
  new DataView(out.buffer).setUint32(8, changed.length, true);
  out.set(changed, 12);
  out.set(bytes.subarray(blocksAt), changedAt);
  return out;
}

/** Where the first entry's block begins: after the header, on a 4-byte boundary. */
function blockStart(bytes: Uint8Array): number {
  return Math.ceil((12 + new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(8, true)) / 4) * 4;
}

describe('parse cache', () => {
  it('loads back exactly what was saved', () => {
    const saved = entries();
    const loaded = decodeCache(encodeCache(saved));
    assert.deepEqual(loaded, plain(saved));
    assert.equal(loaded![0]!.result.papers.length, 60);
  });

  it('gives a library the same papers as parsing afresh', () => {
    const fresh = Library.fromListings([{ file: 'hf.txt', text: listing, modifiedAt: savedAt }]);
    const warm = new Library();
    for (const entry of decodeCache(encodeCache(entries()))!) warm.setParsed(entry.file, entry.result);
    assert.deepEqual(warm.papers.map((p) => p.key), fresh.papers.map((p) => p.key));
    assert.deepEqual(plain(warm.papers), plain(fresh.papers));
  });

  it('returns undefined, never throws, for bytes that are not a cache', () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    for (const text of ['', 'null', '{}', 'not a cache at all', '{"format":"lit-review-parse-cache","version":1,"entries":[]}', 'LITREVC\n']) {
      assert.equal(decodeCache(encode(text)), undefined, text);
    }
    assert.equal(decodeCache(new Uint8Array(64).fill(0xff)), undefined);
  });

  it('returns undefined for a cache cut short or with bytes after its end', () => {
    const bytes = encodeCache(entries());
    for (const length of [12, 100, Math.floor(bytes.length / 2), bytes.length - 4]) assert.equal(decodeCache(bytes.subarray(0, length)), undefined, `${length} bytes`);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    assert.equal(decodeCache(longer), undefined);
  });

  it('reads a cache from bytes that do not start on a 4-byte boundary', () => {
    const bytes = encodeCache(entries());
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    assert.deepEqual(decodeCache(shifted.subarray(1)), plain(entries()));
  });

  it('returns undefined for another version or another producer', () => {
    const bytes = encodeCache(entries(), { producer: '0.1.0' });
    const older = replaceInHeader(bytes, `"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`);
    assert.equal(decodeCache(older), undefined);
    assert.equal(decodeCache(bytes, { producer: '0.2.0' }), undefined);
    assert.equal(decodeCache(bytes, { producer: '0.1.0' })?.length, 2);
  });

  it('returns undefined when a header field, a column or a paper is damaged', () => {
    const bytes = encodeCache(entries());
    assert.equal(decodeCache(replaceInHeader(bytes, '"size":0', '"size":"0"')), undefined);
    // One paper more or fewer than the columns hold.
    assert.equal(decodeCache(replaceInHeader(bytes, '"papers":60', '"papers":59')), undefined);
    assert.equal(decodeCache(replaceInHeader(bytes, '"papers":0', '"papers":1')), undefined);
    // The first paper's title length (the first number of the first block) made impossible, then zero.
    const blocksAt = blockStart(bytes);
    for (const length of [-7, 1 << 30, 0]) {
      const copy = bytes.slice();
      new DataView(copy.buffer).setInt32(blocksAt, length, true);
      assert.equal(decodeCache(copy), undefined, `a title of length ${length}`);
    }
    // Bytes that are not UTF-8 where the text is.
    const copy = bytes.slice();
    copy[copy.length - 8] = 0xff;
    assert.equal(decodeCache(copy), undefined);
  });

  it('keeps every field of a draft, ASCII or not, and leaves absent fields absent', () => {
    const full: PaperDraft = {
      title: 'Gödel’s Prover: $\\mathcal{O}(n)$ Search',
      abstract: 'An abstract with a “quote”, 中文 and an emoji 🔍.',
      authors: ['Jürgen Müller', 'Ada Lovelace'],
      authorCount: 3,
      organization: 'ETH Zürich',
      date: '2025-10-02',
      year: 2025,
      upvotes: 0,
      links: ['https://arxiv.org/abs/2510.01234'],
      arxivId: '2510.01234',
      doi: '10.1000/xyz',
      venue: 'NeurIPS',
      entryType: 'inproceedings',
      keywords: ['cs.CL', 'search'],
      pinnedKey: 'muller2025godel',
      aliases: ['muller2025', 'godel-prover'],
      bibtex: { fields: [['title', 'G{\\"o}del'], ['note', ''], ['journal', '\uE000jacm\uE001']], inherited: [['booktitle', 'Proc.']], pending: true },
      container: true,
      aliasEntries: [{ key: 'godel-prover', entryType: 'misc', bibtex: { fields: [['title', 'G']], inherited: [] } }, { key: 'muller2025', bibtex: { fields: [], inherited: [], pending: true } }],
      sources: [{ file: 'a.bib', line: 3 }, { file: 'notes/b.md', line: 40 }],
    };
    // Every field of the schema is set above: a field added to the schema must be cached too.
    assert.deepEqual(Object.keys(full).sort(), Object.keys(PaperDraftSchema.shape).sort());
    const bare: PaperDraft = { title: 'T', authors: [], links: [], keywords: [], sources: [{ file: 'x.md', line: 1 }] };
    const plain: PaperDraft = { ...bare, bibtex: { fields: [], inherited: [] } };
    const saved: CacheEntry[] = [{ file: 'x.bib', mtimeMs: 1, size: 2, result: { papers: [full, bare, plain], problems: [], macros: [['jacm', 'J. ACM']] } }];
    const loaded = decodeCache(encodeCache(saved))!;
    assert.deepEqual(loaded, saved);
    assert.deepEqual(Object.keys(loaded[0]!.result.papers[1]!).sort(), Object.keys(bare).sort());
  });

  it('encodes each parse result once, so re-saving after one change is cheap and still correct', () => {
    const saved = entries();
    const first = encodeCache(saved);
    const changed = [{ ...saved[0]!, mtimeMs: saved[0]!.mtimeMs + 1000, result: { papers: saved[0]!.result.papers.slice(0, 1), problems: [] } }, saved[1]!];
    const second = decodeCache(encodeCache(changed))!;
    assert.equal(second[0]!.result.papers.length, 1);
    assert.equal(second[0]!.mtimeMs, saved[0]!.mtimeMs + 1000);
    assert.deepEqual(decodeCache(first), plain(saved));
  });

  it('reuses a result only for a file of the same size and modification time', () => {
    const entry = entries()[0]!;
    assert.equal(freshResult(entry, entry.mtimeMs, entry.size), entry.result);
    assert.equal(freshResult(entry, entry.mtimeMs + 1, entry.size), undefined);
    assert.equal(freshResult(entry, entry.mtimeMs, entry.size + 1), undefined);
    assert.equal(freshResult(undefined, entry.mtimeMs, entry.size), undefined, 'a file the cache does not have');
  });
});
