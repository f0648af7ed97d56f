// A publish parses listings on worker threads (the built worker, as the command line runs
// it): the parse results and the bytes stored for them must be the ones a single thread
// makes, on real third-party files, the example library and generated listings alike.
import assert from 'node:assert/strict';
import { readListings } from '../../src/node/readListings';
import { parseListings, type ListingToParse } from '../../src/node/parseListings';
import { generatePapers } from '../../bench/corpus';
import { FORMATS, writeListings } from '../../bench/listings';
import { ensureBuilt, EXAMPLES, PARSER_WORKER, REAL } from './helpers';

const PRODUCER = 'lit-review-test/1';

async function listingsOf(folder: string): Promise<ListingToParse[]> {
  const read = await readListings(folder);
  return read.listings.map((listing) => ({ listing, mtimeMs: listing.modifiedAt?.getTime() ?? 0, size: listing.text.length }));
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parsing listings for a publish', function () {
  this.timeout(120_000);
  before(function () {
    this.timeout(300_000);
    ensureBuilt();
  });

  it('gives on worker threads the parse results and stored bytes of one thread', async () => {
    const generated = writeListings(generatePapers(2000, 7), FORMATS, new Date('2026-11-28T12:00:00Z')).map((listing) => ({ listing, mtimeMs: 1, size: listing.text.length }));
    const items = [...(await listingsOf(REAL)), ...(await listingsOf(EXAMPLES)), ...generated];
    assert.ok(items.length >= 40, `only ${items.length} listings`);
    const here = await parseListings(items, PRODUCER);
    const threaded = await parseListings(items, PRODUCER, PARSER_WORKER);
    assert.equal(threaded.length, items.length);
    for (const [i, item] of items.entries()) {
      // (Fields left undefined are not stored, and need not be there.)
      assert.deepEqual(plain(threaded[i]!.result), plain(here[i]!.result), item.listing.file);
      assert.deepEqual(Buffer.from(threaded[i]!.encoded), Buffer.from(here[i]!.encoded), item.listing.file);
    }
    assert.ok(here.reduce((sum, parsed) => sum + parsed.result.papers.length, 0) > 2000);
  });

  it('says which listing a worker could not parse, and stops its workers', async () => {
    const items = (await listingsOf(EXAMPLES)).slice(0, 1);
    const many = Array.from({ length: 20 }, (_, i) => ({ ...items[0]!, listing: { ...items[0]!.listing, file: `copy-${i}.md` } }));
    // A text that is not a string cannot be parsed: the worker answers with an error.
    (many[5]!.listing as { text: unknown }).text = 42;
    await assert.rejects(parseListings(many, PRODUCER, PARSER_WORKER), /copy-5\.md/);
  });
});
