// `lit-review mark`, `similar` and the reading status in `index --json`, run as a script runs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the command line: reading status and similar papers', function () {
  this.timeout(60_000);
  let folder: string;
  let keys: string[];

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'lit-review-reading-'));
    copyFileSync(path.join(FIXTURES, 'hf-daily-papers-rl-search.txt'), path.join(folder, 'papers.txt'));
    const index = JSON.parse(cli('index', '--library', folder, '--json').stdout) as { papers: { key: string }[] };
    keys = index.papers.map((p) => p.key);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('marks several papers, keeps other lines, and shows status and tags in index --json', () => {
    const file = path.join(folder, '.lit-review', 'reading.tsv');
    const first = cli('mark', keys[0]!, keys[1]!, '--library', folder, '--status', 'read', '--tag', 'core', '--tag', 'rl', '--json');
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual((JSON.parse(first.stdout) as { marked: { key: string; status: string }[] }).marked.map((m) => m.status), ['read', 'read']);
    writeFileSync(file, readFileSync(file, 'utf8') + 'zzz-hand-written\tread\tnot a date\n');
    const second = cli('mark', keys[1]!, keys[2]!, '--library', folder, '--status', 'excluded', '--reason', 'off topic', '--untag', 'rl');
    assert.equal(second.code, 0, second.stderr);
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(lines.length, 4);
    assert.deepEqual(lines, [...lines].sort(), 'sorted by key');
    assert.ok(lines.includes('zzz-hand-written\tread\tnot a date'), 'a line it cannot read is kept');

    const index = JSON.parse(cli('index', '--library', folder, '--json').stdout) as { papers: { key: string; status: string | null; tags: string[]; statusReason?: string }[]; problems: { file: string; line: number }[] };
    const byKey = new Map(index.papers.map((p) => [p.key, p]));
    assert.equal(byKey.get(keys[0]!)!.status, 'read');
    assert.deepEqual(byKey.get(keys[0]!)!.tags, ['core', 'rl']);
    assert.equal(byKey.get(keys[1]!)!.status, 'excluded');
    assert.deepEqual(byKey.get(keys[1]!)!.tags, ['core']);
    assert.equal(byKey.get(keys[1]!)!.statusReason, 'off topic');
    assert.equal(byKey.get(keys[3]!)!.status, null);
    assert.deepEqual(byKey.get(keys[3]!)!.tags, []);
    assert.ok(index.problems.some((p) => p.file === '.lit-review/reading.tsv' && p.line === 6), JSON.stringify(index.problems));
  });

  it('refuses a wrong status and exits 1 for an unknown key after marking the rest', () => {
    assert.equal(cli('mark', keys[0]!, '--library', folder, '--status', 'done').code, 2);
    assert.equal(cli('mark', keys[0]!, '--library', folder).code, 2);
    const run = cli('mark', keys[4]!, 'nobody1999', '--library', folder, '--status', 'to-read');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Unknown key "nobody1999"/);
    assert.match(readFileSync(path.join(folder, '.lit-review', 'reading.tsv'), 'utf8'), new RegExp(`^${keys[4]!.replace(/[.+]/g, '\\$&')}\tto-read\t`, 'm'));
  });

  it('lists similar papers as JSON with the words that explain them, for a key or a text', () => {
    const run = cli('similar', keys[0]!, '--library', folder, '--json', '--limit', '5');
    assert.equal(run.code, 0, run.stderr);
    const { results } = JSON.parse(run.stdout) as { results: { key: string; title: string; score: number; why: string[] }[] };
    assert.equal(results.length, 5);
    assert.ok(!results.some((r) => r.key === keys[0]));
    for (const r of results) assert.ok(r.title && r.score > 0 && r.why.length > 0);
    const text = JSON.parse(cli('similar', '--text', 'Monte Carlo tree search for reasoning', '--library', folder, '--json', '--limit', '3').stdout) as { results: { why: string[] }[] };
    assert.equal(text.results.length, 3);
    assert.equal(cli('similar', '--library', folder).code, 2);
  });
});
