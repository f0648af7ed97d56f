// `cite --style text` and `bib --format`, run as a script runs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Cite } from '@citation-js/core';

const ROOT = path.resolve(__dirname, '../../..');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the command line’s references and bibliographies', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'lit-review-csl-'));
    writeFileSync(
      path.join(folder, 'refs.bib'),
      [
        '@article{smith2020rank, author = {Smith, Ann B. and Roe, Rick}, title = {Ranking papers quickly}, journal = {Journal of Testing}, volume = {12}, number = {3}, pages = {1--9}, year = {2020}, doi = {10.1234/abc.5}}',
        '@misc{vaswani2017, author = {Vaswani, Ashish}, title = {Attention is all you need}, year = {2017}, month = jun, eprint = {1706.03762}, archivePrefix = {arXiv}}',
      ].join('\n'),
    );
    writeFileSync(path.join(folder, 'zotero.json'), JSON.stringify([{ id: 'doe2019', type: 'book', title: 'A Book Kept in CSL-JSON', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2019]] }, publisher: 'Press' }], null, 2));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('prints an APA reference per key with cite --style text', () => {
    const run = cli('cite', 'smith2020rank', 'vaswani2017', '--library', folder, '--style', 'text');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      'Smith, A. B., & Roe, R. (2020). Ranking papers quickly. Journal of Testing, 12(3), 1–9. https://doi.org/10.1234/abc.5\n' +
        'Vaswani, A. (2017). Attention is all you need (arXiv:1706.03762). arXiv. https://doi.org/10.48550/arXiv.1706.03762\n',
    );
  });

  it('takes a shipped style by name or a .csl file, and names the shipped ones for an unknown name', () => {
    assert.match(cli('cite', 'doe2019', '--library', folder, '--style', 'text', '--csl', 'vancouver').stdout, /^1\. Doe J\. A Book Kept in CSL-JSON\. Press; 2019\.\n$/);
    assert.equal(cli('cite', 'doe2019', '--library', folder, '--style', 'text', '--csl', path.join(ROOT, 'test/fixtures/csl/title-year.csl')).stdout, 'A Book Kept in CSL-JSON (2019)\n');
    const unknown = cli('cite', 'doe2019', '--library', folder, '--style', 'text', '--csl', 'chicago');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /there are apa, vancouver, harvard1/);
  });

  it('prints valid CSL-JSON with bib --format csljson, which Citation.js reads back', () => {
    const run = cli('bib', '--library', folder, '--format', 'csljson');
    assert.equal(run.code, 0, run.stderr);
    const cite = new Cite(JSON.parse(run.stdout));
    assert.deepEqual(cite.data.map((item) => [item.id, item.title, item.author?.[0]?.family]).sort(), [
      ['doe2019', 'A Book Kept in CSL-JSON', 'Doe'],
      ['smith2020rank', 'Ranking papers quickly', 'Smith'],
      ['vaswani2017', 'Attention is all you need', 'Vaswani'],
    ]);
  });

  it('prints biblatex with bib --format biblatex, and refuses an unknown format', () => {
    const run = cli('bib', '--library', folder, '--format', 'biblatex');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /@article\{smith2020rank,[^]*journaltitle = \{Journal of Testing\},[^]*date = \{2020\}/);
    assert.match(run.stdout, /@misc\{vaswani2017,[^]*date = \{2017-06\},[^]*eprinttype = \{arxiv\}/);
    assert.match(run.stdout, /@book\{doe2019,/);
    assert.equal(cli('bib', '--library', folder, '--format', 'ris').code, 2);
  });
});
