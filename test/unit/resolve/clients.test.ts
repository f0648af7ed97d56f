// Each service's client against real recorded answers, replayed on 127.0.0.1.
import assert from 'node:assert/strict';
import { ArxivClient } from '../../../src/core/resolve/arxiv';
import { ServiceError } from '../../../src/core/resolve/http';
import { ReplayServer } from '../../services/replayServer';
import { servicesFor } from './setup';

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ServiceError, String(error));
    return error;
  }
  assert.fail('expected a ServiceError');
}

describe('resolve: the service clients', () => {
  let server: ReplayServer;
  before(async () => {
    server = await ReplayServer.start();
  });
  after(() => server.close());
  beforeEach(() => server.reset());

  describe('Hugging Face', () => {
    it('reads one day of Daily Papers: arXiv id, authors, date, upvotes', async () => {
      const { services, headers } = servicesFor(server);
      const papers = await services.huggingFace.dailyPapers('2025-05-08');
      const zero = papers.find((paper) => paper.arxivId === '2505.04588');
      assert.ok(zero);
      assert.equal(zero.title, 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching');
      assert.equal(zero.authors[0], 'Hao Sun');
      assert.equal(zero.authors.length, 9);
      assert.equal(zero.date, '2025-05-07');
      assert.equal(headers[0]!['User-Agent'], 'Lit Review/0.0.0-test');
    });

    it('asks for each day once a run', async () => {
      const { services } = servicesFor(server);
      await services.huggingFace.dailyPapers('2025-05-08');
      await services.huggingFace.dailyPapers('2025-05-08');
      assert.equal(server.count('huggingface'), 1);
    });

    it('reads a search answer, titles wrapped as arXiv wraps them', async () => {
      const { services } = servicesFor(server);
      const results = await services.huggingFace.search('Herd of Models');
      assert.equal(results.length, 11);
      assert.equal(results[1]!.title, 'The Breeze 2 Herd of Models: Traditional Chinese LLMs Based on Llama with Vision-Aware and Function-Calling Capabilities');
    });

    it('says a truncated answer is malformed', async () => {
      const { services } = servicesFor(server);
      server.fault({ fault: { kind: 'truncate' } });
      const error = await rejection(services.huggingFace.search('Herd of Models'));
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /Hugging Face sent an answer that is not valid JSON/);
    });

    it('says an unrecorded request failed with its status', async () => {
      const { services } = servicesFor(server);
      const error = await rejection(services.huggingFace.dailyPapers('1999-01-01'));
      assert.equal(error.message, 'Hugging Face answered HTTP 404.');
      assert.match(error.detail ?? '', /No recording for GET huggingface \/api\/daily_papers\?date=1999-01-01/);
    });
  });

  describe('arXiv', () => {
    it('reads papers by id, authors and primary category included', async () => {
      const { services } = servicesFor(server);
      const found = await services.arxiv.byIds(['1605.08386']);
      const paper = found.get('1605.08386');
      assert.ok(paper);
      assert.equal(paper.title, 'Heat-bath random walks with Markov bases');
      assert.deepEqual(paper.authors, ['Caprice Stanley', 'Tobias Windisch']);
      assert.equal(paper.primaryClass, 'math.CO');
      assert.equal(paper.year, 2016);
    });

    it('asks for several ids in one request and leaves out the ones arXiv does not know', async () => {
      const { services } = servicesFor(server);
      const found = await services.arxiv.byIds(['0808.05394', '1707.08567']);
      assert.deepEqual([...found.keys()], ['1707.08567']);
      assert.equal(server.count('arxiv'), 1);
    });

    it('reads an old-style id with its journal reference', async () => {
      const { services } = servicesFor(server);
      const paper = (await services.arxiv.byIds(['astro-ph/0601001'])).get('astro-ph/0601001');
      assert.equal(paper?.venue, 'ActaAstron.56:1-50,2006');
      assert.equal(paper?.primaryClass, 'astro-ph');
    });

    it('finds nothing for an unknown id, and says why arXiv refused a malformed one', async () => {
      const { services } = servicesFor(server);
      assert.equal((await services.arxiv.byIds(['0000.0000'])).size, 0);
      const error = await rejection(services.arxiv.byIds(['abc']));
      assert.equal(error.message, 'arXiv refused the query: incorrect id format for abc.');
    });

    it('reads a query page', async () => {
      const { services } = servicesFor(server);
      const results = await services.arxiv.search('testing', 10);
      assert.equal(results.length, 10);
      assert.ok(results.every((paper) => paper.arxivId && paper.authors.length > 0));
    });

    it('keeps three seconds between requests to the public arXiv', async () => {
      const waits: number[] = [];
      let clock = 1_000_000;
      const arxiv = new ArxivClient({
        baseUrl: server.url('arxiv'),
        fetch: (url, init) => fetch(url, init),
        userAgent: 'Lit Review/test',
        minIntervalMs: 3000,
        now: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
      });
      await arxiv.byIds(['1605.08386']);
      clock += 500;
      await arxiv.byIds(['1707.08567']);
      assert.deepEqual(waits, [2500]);
    });

    it('says a truncated feed is malformed', async () => {
      const { services } = servicesFor(server);
      server.fault({ fault: { kind: 'truncate' } });
      const error = await rejection(services.arxiv.byIds(['1707.08567']));
      assert.equal(error.kind, 'malformed');
    });
  });

  describe('Crossref', () => {
    it('reads a work by DOI', async () => {
      const { services } = servicesFor(server);
      const work = await services.crossref.byDoi('10.1371/journal.pone.0033693');
      assert.equal(work?.title, 'Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice');
      assert.equal(work?.authors.length, 6);
      assert.equal(work?.venue, 'PLoS ONE');
      assert.equal(work?.entryType, 'article');
      assert.equal(work?.date, '2012-03-21');
    });

    it('finds nothing for a DOI Crossref does not have (its 404)', async () => {
      const { services } = servicesFor(server);
      assert.equal(await services.crossref.byDoi('10.1371/notarealdoi'), undefined);
    });

    it('reads a title query', async () => {
      const { services } = servicesFor(server);
      const [work] = await services.crossref.byTitle('Augmenting large language models with chemistry tools');
      assert.equal(work?.doi, '10.1038/s42256-024-00832-8');
      assert.equal(work?.authors[0], 'Andres M. Bran');
    });

    it('fails with the status of a server error', async () => {
      const { services } = servicesFor(server);
      const error = await rejection(services.crossref.byDoi('10.5555/crossref-server-error'));
      assert.equal(error.message, 'Crossref answered HTTP 500.');
      assert.match(error.detail ?? '', /clojure/);
    });
  });

  describe('politeness and failures', () => {
    it('retries a 429 after the Retry-After the service names, then reads the answer', async () => {
      const { services, waits } = servicesFor(server);
      server.fault({ fault: { kind: 'tooManyRequests', retryAfter: '2' }, times: 2 });
      const results = await services.huggingFace.search('Herd of Models');
      assert.equal(results.length, 11);
      assert.deepEqual(waits, [2000, 2000]);
      assert.equal(server.count(), 3);
    });

    it('backs off exponentially on 503 without Retry-After, and gives up after a few attempts', async () => {
      const { services, waits } = servicesFor(server, { backoffMs: 100 });
      server.fault({ fault: { kind: 'tooManyRequests', status: 503 } });
      const error = await rejection(services.crossref.byDoi('10.1371/journal.pone.0033693'));
      assert.equal(error.message, 'Crossref answered HTTP 503.');
      assert.deepEqual(waits, [100, 200, 400]);
      assert.equal(server.count(), 4);
    });

    it('does not wait for a Retry-After of hours', async () => {
      const { services, waits } = servicesFor(server);
      server.fault({ fault: { kind: 'tooManyRequests', retryAfter: '7200' } });
      const error = await rejection(services.crossref.byDoi('10.1371/journal.pone.0033693'));
      assert.match(error.message, /asked to wait 7200 s/);
      assert.deepEqual(waits, []);
    });

    it('fails a request slower than the timeout', async () => {
      const { services } = servicesFor(server, { timeoutMs: 150 });
      server.fault({ fault: { kind: 'delay', ms: 3000 } });
      const error = await rejection(services.crossref.byDoi('10.1371/journal.pone.0033693'));
      assert.equal(error.kind, 'timeout');
      assert.equal(error.message, 'Crossref did not answer within 0.2 s.');
    });

    it('fails when the connection drops half-way through the body', async () => {
      const { services } = servicesFor(server);
      server.fault({ fault: { kind: 'drop' } });
      const error = await rejection(services.huggingFace.dailyPapers('2025-05-29'));
      assert.equal(error.kind, 'network');
      assert.match(error.message, /^Hugging Face could not be reached/);
    });

    it('stops at once when cancelled, waiting or under way', async () => {
      const controller = new AbortController();
      const { services } = servicesFor(server, { signal: controller.signal });
      server.fault({ fault: { kind: 'delay', ms: 3000 } });
      const pending = rejection(services.crossref.byDoi('10.1371/journal.pone.0033693'));
      setTimeout(() => controller.abort(), 50);
      const error = await pending;
      assert.equal(error.kind, 'cancelled');
    });
  });
});
