import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CACHE_VERSION, deserializeCache, freshResult, serializeCache, type CacheEntry } from '../../src/core/cache';
import { Library } from '../../src/core/library';
import { problem } from '../../src/core/paper';
import { parseListing } from '../../src/core/sources';

const listing = readFileSync(path.join(__dirname, '..', 'fixtures', 'hf-daily-papers-rl-search.txt'), 'utf8');
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

describe('parse cache', () => {
  it('loads back exactly what was saved', () => {
    const saved = entries();
    const loaded = deserializeCache(serializeCache(saved));
    assert.deepEqual(loaded, plain(saved));
    assert.equal(loaded![0]!.result.papers.length, 60);
  });

  it('gives a library the same papers as parsing afresh', () => {
    const fresh = Library.fromListings([{ file: 'hf.txt', text: listing, modifiedAt: savedAt }]);
    const warm = new Library();
    for (const entry of deserializeCache(serializeCache(entries()))!) warm.setParsed(entry.file, entry.result);
    assert.deepEqual(warm.papers.map((p) => p.key), fresh.papers.map((p) => p.key));
    assert.deepEqual(plain(warm.papers), plain(fresh.papers));
  });

  it('returns undefined, never throws, for text that is not a cache', () => {
    for (const text of ['', 'null', '[]', '{}', '"text"', '{"format":"lit-review-parse-cache"}', 'not json at all', '{"format":']) {
      assert.equal(deserializeCache(text), undefined, text);
    }
  });

  it('returns undefined for a truncated cache', () => {
    const text = serializeCache(entries());
    assert.equal(deserializeCache(text.slice(0, Math.floor(text.length / 2))), undefined);
  });

  it('returns undefined for another version or another producer', () => {
    const text = serializeCache(entries(), { producer: '0.1.0' });
    const older = text.replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`);
    assert.notEqual(older, text);
    assert.equal(deserializeCache(older), undefined);
    assert.equal(deserializeCache(text, { producer: '0.2.0' }), undefined);
    assert.equal(deserializeCache(text, { producer: '0.1.0' })?.length, 2);
  });

  it('returns undefined when an entry or a paper is damaged', () => {
    const data = JSON.parse(serializeCache(entries())) as { entries: { size: unknown; result: { papers: Record<string, unknown>[] } }[] };
    const damage = (change: (copy: typeof data) => void): string => {
      const copy = structuredClone(data);
      change(copy);
      return JSON.stringify(copy);
    };
    assert.equal(deserializeCache(damage((c) => (c.entries[0]!.size = 'big'))), undefined);
    assert.equal(deserializeCache(damage((c) => delete c.entries[0]!.result.papers[37]!.title)), undefined);
    assert.equal(deserializeCache(damage((c) => (c.entries[0]!.result.papers[59]!.sources = []))), undefined);
    // A wrong optional field is caught by the full check of the first paper.
    assert.equal(deserializeCache(damage((c) => (c.entries[0]!.result.papers[0]!.date = 'yesterday'))), undefined);
  });

  it('encodes each parse result once, so re-saving after one change is cheap and still correct', () => {
    const saved = entries();
    const first = serializeCache(saved);
    const changed = [{ ...saved[0]!, mtimeMs: saved[0]!.mtimeMs + 1000, result: { papers: saved[0]!.result.papers.slice(0, 1), problems: [] } }, saved[1]!];
    const second = deserializeCache(serializeCache(changed))!;
    assert.equal(second[0]!.result.papers.length, 1);
    assert.equal(second[0]!.mtimeMs, saved[0]!.mtimeMs + 1000);
    assert.deepEqual(deserializeCache(first), plain(saved));
  });

  it('reuses a result only for a file of the same size and modification time', () => {
    const byFile = new Map(entries().map((entry) => [entry.file, entry]));
    const entry = byFile.get('hf.txt')!;
    assert.equal(freshResult(byFile, 'hf.txt', entry.mtimeMs, entry.size), entry.result);
    assert.equal(freshResult(byFile, 'hf.txt', entry.mtimeMs + 1, entry.size), undefined);
    assert.equal(freshResult(byFile, 'hf.txt', entry.mtimeMs, entry.size + 1), undefined);
    assert.equal(freshResult(byFile, 'other.txt', entry.mtimeMs, entry.size), undefined);
  });
});
