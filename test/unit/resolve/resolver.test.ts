// Complete Metadata end to end against the replayed services: what it takes, what it offers,
// what it leaves, and what it keeps when the services or the network fail.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { resolvePapers } from '../../../src/core/resolve/resolver';
import { ReplayServer } from '../../services/replayServer';
import { exampleListing } from '../helpers';
import { bibLibrary, servicesFor } from './setup';

const keys = (list: { key: string }[]) => list.map((paper) => paper.key);

describe('resolve: Complete Metadata', () => {
  let server: ReplayServer;
  before(async () => {
    server = await ReplayServer.start();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('resolves the example papers Daily Papers recordings hold, by the days after their dates', async () => {
    const library = Library.fromListings([exampleListing()]);
    const { services } = servicesFor(server);
    const progress: string[] = [];
    const summary = await resolvePapers(library.papers, services, { onProgress: (done, total) => progress.push(`${done} of ${total}`) });
    assert.equal(summary.total, 60);
    assert.equal(progress.at(-1), '60 of 60');
    const resolved = Object.fromEntries(summary.resolved.map(({ key, found }) => [key, found.arxivId]));
    assert.deepEqual(resolved, { deepsearch2025: '2509.25454', diffucoder2025: '2506.20639', vragrl2025: '2505.22019', zerosearch2025: '2505.04588' });
    assert.ok(summary.resolved.every(({ found }) => found.authors.length > 0));
    // The others were not recorded: they fail with the replay's 404, never guessed.
    assert.equal(summary.failed.length, 56);
    assert.deepEqual(summary.ambiguous, []);
    assert.match(summary.failed[0]!.reason, /Hugging Face answered HTTP 404\./);
    assert.equal(summary.requests, server.count());
    console.log(`      example: ${summary.resolved.length} resolved, ${summary.ambiguous.length} ambiguous, ${summary.notFound.length} not found, ${summary.failed.length} failed; ${summary.requests} requests in ${summary.ms} ms`);
  });

  it('takes an exact title match from the search', async () => {
    const library = bibLibrary('@misc{llama3, title = {The Llama 3 Herd of Models}, year = {2024}}');
    const summary = await resolvePapers(library.papers, servicesFor(server).services);
    assert.deepEqual(keys(summary.resolved), ['llama3']);
    assert.equal(summary.resolved[0]!.found.arxivId, '2407.21783');
  });

  it('offers several close candidates for a person to choose, and takes none', async () => {
    const library = bibLibrary('@misc{herd, title = {Herd of Models}}');
    const summary = await resolvePapers(library.papers, servicesFor(server).services, { titleServices: ['Hugging Face'] });
    assert.deepEqual(keys(summary.ambiguous), ['herd']);
    assert.deepEqual(summary.ambiguous[0]!.candidates.map((c) => c.arxivId), ['2407.21783', '2501.13921']);
    assert.deepEqual(summary.resolved, []);
  });

  it('lists a paper no service has as not found', async () => {
    const library = bibLibrary(['@misc{kazakh, title = {Kazakh Poetry Generation}}', '@misc{nodoi, title = {Something}, doi = {10.1371/notarealdoi}}'].join('\n'));
    const summary = await resolvePapers(library.papers, servicesFor(server).services, { titleServices: ['Hugging Face'] });
    assert.deepEqual(keys(summary.notFound).sort(), ['kazakh', 'nodoi']);
  });

  it('looks papers with arXiv ids up together, and papers with DOIs at Crossref', async () => {
    const library = bibLibrary(
      [
        '@misc{walks, title = {Heat-bath random walks with Markov bases}, eprint = {1605.08386}, archivePrefix = {arXiv}}',
        '@article{ritalin, title = {Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice}, doi = {10.1371/journal.pone.0033693}}',
      ].join('\n'),
    );
    const summary = await resolvePapers(library.papers, servicesFor(server).services);
    assert.deepEqual(keys(summary.resolved).sort(), ['ritalin', 'walks']);
    assert.deepEqual(summary.resolved.find((r) => r.key === 'walks')!.found.authors, ['Caprice Stanley', 'Tobias Windisch']);
  });

  it('retries a 429 and resolves', async () => {
    const library = bibLibrary('@misc{llama3, title = {The Llama 3 Herd of Models}, year = {2024}}');
    server.fault({ fault: { kind: 'tooManyRequests', retryAfter: '1' }, service: 'huggingface', times: 1 });
    const { services, waits } = servicesFor(server);
    const summary = await resolvePapers(library.papers, services, { titleServices: ['Hugging Face'] });
    assert.deepEqual(keys(summary.resolved), ['llama3']);
    assert.deepEqual(waits, [1000]);
    assert.equal(summary.requests, 2);
  });

  it('fails a paper with the reason when the service times out, and asks it no more', async () => {
    const library = bibLibrary(['@misc{llama3, title = {The Llama 3 Herd of Models}, year = {2024}}', '@misc{herd, title = {Herd of Models}}'].join('\n'));
    server.fault({ fault: { kind: 'delay', ms: 3000 } });
    const summary = await resolvePapers(library.papers, servicesFor(server, { timeoutMs: 100 }).services, { titleServices: ['Hugging Face'] });
    assert.deepEqual(summary.failed.map((f) => [f.key, f.reason]).sort(), [
      ['herd', 'Hugging Face did not answer within 0.1 s.'],
      ['llama3', 'Hugging Face did not answer within 0.1 s.'],
    ]);
    assert.equal(summary.requests, 1);
  });

  it('fails a paper whose answer is malformed, and goes on with the next', async () => {
    const library = bibLibrary(['@misc{herd, title = {Herd of Models}}', '@misc{llama3, title = {The Llama 3 Herd of Models}, year = {2024}}'].join('\n'));
    server.fault({ fault: { kind: 'truncate' }, times: 1 });
    const summary = await resolvePapers(library.papers, servicesFor(server).services, { titleServices: ['Hugging Face'] });
    assert.deepEqual(summary.failed.map((f) => f.key), ['herd']);
    assert.match(summary.failed[0]!.reason, /^Hugging Face sent an answer that is not valid JSON \(\d+ characters\)\.$/);
    assert.deepEqual(keys(summary.resolved), ['llama3']);
  });

  it('keeps what it resolved when the network drops half-way', async () => {
    const library = Library.fromListings([exampleListing()]);
    // The first recorded Daily Papers answer arrives; from the next one on the connection drops half-way.
    server.fault({ fault: { kind: 'drop' }, service: 'huggingface', skip: 1 });
    const summary = await resolvePapers(library.papers, servicesFor(server).services);
    assert.equal(server.served.filter((s) => s.service === 'huggingface' && s.status === 200 && !s.fault).length, 1);
    assert.equal(summary.resolved.length, 1);
    const dropped = summary.failed.filter((f) => /could not be reached/.test(f.reason));
    assert.ok(dropped.length > 0, 'the papers after the drop fail with the reason');
  });

  it('returns what it resolved when cancelled, and names the papers not tried', async () => {
    const library = bibLibrary(['@misc{a, title = {The Llama 3 Herd of Models}, year = {2024}}', '@misc{b, title = {Herd of Models}}', '@misc{c, title = {Kazakh Poetry Generation}}'].join('\n'));
    const controller = new AbortController();
    const { services } = servicesFor(server, { signal: controller.signal });
    const summary = await resolvePapers(library.papers, services, { titleServices: ['Hugging Face'], onProgress: (done) => done === 1 && controller.abort() });
    assert.equal(summary.cancelled, true);
    assert.equal(summary.resolved.length + summary.ambiguous.length + summary.notFound.length, 1);
    assert.equal(summary.notTried.length, 2);
  });

  it('leaves complete papers alone', async () => {
    const library = bibLibrary('@misc{done, title = {A Paper}, author = {Doe, Jane}, eprint = {2501.00001}, archivePrefix = {arXiv}}');
    const summary = await resolvePapers(library.papers, servicesFor(server).services);
    assert.equal(summary.total, 0);
    assert.equal(server.count(), 0);
  });
});
