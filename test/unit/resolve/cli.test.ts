// `lit-review resolve` and `lit-review add` as a person runs them, against the replayed services.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ReplayServer } from '../../services/replayServer';
import { EXAMPLE_FILE, EXAMPLE_SAVED_AT, FIXTURES } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');

/** Runs the CLI without blocking: the replay server answers from this process. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('resolve: the command line', function () {
  this.timeout(120_000);
  let server: ReplayServer;
  let folder: string;
  let urls: string[];

  before(async () => {
    server = await ReplayServer.start();
    urls = ['--hf-url', server.url('huggingface'), '--arxiv-url', server.url('arxiv'), '--crossref-url', server.url('crossref')];
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    folder = mkdtempSync(path.join(tmpdir(), 'lit-review-resolve-'));
    const listing = path.join(folder, EXAMPLE_FILE);
    copyFileSync(path.join(FIXTURES, EXAMPLE_FILE), listing);
    // Year-less dates on the page are read relative to the day it was saved.
    utimesSync(listing, EXAMPLE_SAVED_AT, EXAMPLE_SAVED_AT);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('completes the example and then cites ZeroSearch with authors and its arXiv id', async () => {
    const before = JSON.parse((await cli('index', '--library', folder, '--json')).stdout) as { papers: { key: string; title: string }[] };
    const run = await cli('resolve', '--library', folder, '--json', ...urls);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { resolved: { key: string }[]; failed: unknown[]; requests: number; ms: number; file: string };
    assert.deepEqual(summary.resolved.map((r) => r.key).sort(), ['deepsearch2025', 'diffucoder2025', 'vragrl2025', 'zerosearch2025']);
    assert.equal(summary.requests, server.count());
    assert.equal(summary.file, path.join(folder, '.lit-review', 'resolved.bib'));
    assert.match(run.stderr, /60 of 60 papers/);
    assert.equal(readFileSync(path.join(folder, EXAMPLE_FILE), 'utf8'), readFileSync(path.join(FIXTURES, EXAMPLE_FILE), 'utf8'), 'the listing is unchanged');

    const cite = await cli('cite', 'zerosearch2025', '--style', 'bibtex', '--library', folder);
    assert.equal(cite.code, 0, cite.stderr);
    assert.match(cite.stdout, /^@misc\{zerosearch2025,/);
    assert.match(cite.stdout, /author = \{Sun, Hao and Qiao, Zile and/);
    assert.match(cite.stdout, /eprint = \{2505\.04588\}/);
    assert.match(cite.stdout, /archivePrefix = \{arXiv\}/i);
    assert.match(cite.stdout, /url = \{https:\/\/arxiv\.org\/abs\/2505\.04588\}/);

    const after = JSON.parse((await cli('index', '--library', folder, '--json')).stdout) as { papers: { key: string; title: string }[] };
    const keyOf = (papers: { key: string; title: string }[]) => Object.fromEntries(papers.map((p) => [p.title, p.key]));
    assert.deepEqual(keyOf(after.papers), keyOf(before.papers), 'every paper keeps its key');

    // A second run asks only about the papers still incomplete, and keeps what the first found.
    server.reset();
    const again = await cli('resolve', '--library', folder, '--json', ...urls);
    const second = JSON.parse(again.stdout) as { total: number; resolved: unknown[] };
    assert.equal(second.total, 56);
    const text = readFileSync(path.join(folder, '.lit-review', 'resolved.bib'), 'utf8');
    assert.equal((text.match(/^@misc\{/gm) ?? []).length, 4);
  });

  it('writes nothing with --dry-run, and lists what it would have', async () => {
    const run = await cli('resolve', '--library', folder, '--dry-run', ...urls);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^4 of 60 papers resolved, 0 ambiguous, 0 not found, 56 failed; \d+ requests in [\d.]+ s\./);
    assert.match(run.stdout, /resolved {2}zerosearch2025: arXiv:2505\.04588/);
    assert.ok(!existsSync(path.join(folder, '.lit-review')));
  });

  it('saves what it resolved before the network dropped', async () => {
    server.fault({ fault: { kind: 'drop' }, service: 'huggingface', skip: 1 });
    const run = await cli('resolve', '--library', folder, '--json', ...urls);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { resolved: { key: string }[]; failed: { reason: string }[] };
    assert.equal(summary.resolved.length, 1);
    assert.ok(summary.failed.some((f) => /could not be reached/.test(f.reason)));
    const text = readFileSync(path.join(folder, '.lit-review', 'resolved.bib'), 'utf8');
    assert.match(text, new RegExp(`@misc\\{${summary.resolved[0]!.key},`));
  });

  it('adds papers by arXiv id, by DOI and as pasted BibTeX, keeping every byte the file had', async () => {
    const file = path.join(folder, 'added.bib');
    const mine = '% my own notes\r\n@misc{mine2020,\r\n  title = {Mine},\r\n  year = {2020}\r\n}';
    writeFileSync(file, mine);
    const byId = await cli('add', 'https://arxiv.org/abs/1605.08386v1', '--library', folder, ...urls);
    assert.equal(byId.code, 0, byId.stderr);
    assert.match(byId.stdout, /^Added stanley2016 to .*added\.bib: Heat-bath random walks with Markov bases/);
    const byDoi = await cli('add', 'https://doi.org/10.1371/journal.pone.0033693', '--library', folder, '--json', ...urls);
    assert.equal(byDoi.code, 0, byDoi.stderr);
    assert.equal((JSON.parse(byDoi.stdout) as { key: string }).key, 'sadasivan2012');
    const pasted = await cli('add', '@article{doe2021, title = {A Pasted Paper}, author = {Doe, Jane}, year = {2021}}', '--library', folder, ...urls);
    assert.equal(pasted.code, 0, pasted.stderr);

    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith(mine), 'the file begins with every byte it had');
    assert.ok(!/[^\r]\n/.test(text), 'new entries take the file’s CRLF');
    const index = JSON.parse((await cli('index', '--library', folder, '--json')).stdout) as { papers: { key: string; authors: string[] }[] };
    const keys = index.papers.map((p) => p.key);
    for (const key of ['stanley2016', 'sadasivan2012', 'doe2021', 'mine2020']) assert.ok(keys.includes(key), key);
    const cite = await cli('cite', 'sadasivan2012', '--style', 'bibtex', '--library', folder);
    assert.match(cite.stdout, /doi = \{10\.1371\/journal\.pone\.0033693\}/);
    assert.equal(server.count('arxiv'), 1);
    assert.equal(server.count('crossref'), 1);
  });

  it('does not add a paper the library has, a pasted entry that does not read, or an ID it cannot read', async () => {
    const again = await cli('add', '@misc{zerosearch2025, title = {Another}}', '--library', folder);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /The key zerosearch2025 already cites/);
    const broken = await cli('add', '@misc{broken, title = {Unclosed}', '--library', folder);
    assert.equal(broken.code, 1);
    const unknown = await cli('add', 'not an id', '--library', folder);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /is not an arXiv id or link/);
    const missing = await cli('add', '0000.0000', '--library', folder, ...urls);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /arXiv has no paper 0000\.0000/);
    assert.ok(!existsSync(path.join(folder, 'added.bib')));
  });
});
