// The command line as a script uses it: exit codes that tell the truth, and JSON to read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Library } from '../../src/core/indexing/library';
import { defaultSettings } from '../../src/core/settings';
import { computeTopics } from '../../src/core/topics';
import { TreeModel, type GroupNode } from '../../src/core/views/treeModel';
import { readListings } from '../../src/node/readListings';

const ROOT = path.resolve(__dirname, '../..');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the command line', function () {
  this.timeout(60_000);
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'lit-review-cli-'));
    writeFileSync(
      path.join(folder, 'refs.bib'),
      [
        '@article{smith2020a, title = {Learning to Rank Papers Quickly}, author = {Smith, Ann}, year = {2020}, pages = {1--9}, publisher = {ACM}}',
        '@article{smith2020rank, title = {Learning to rank papers quickly}, author = {Smith, A.}, year = {2020}}',
      ].join('\n'),
    );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('cites by an alias, writing the key typed with that entry as it was written', () => {
    const run = cli('cite', 'smith2020rank', '--library', folder, '--style', 'bibtex');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '@article{smith2020rank,\n  title = {Learning to rank papers quickly},\n  author = {Smith, A.},\n  year = {2020}\n}\n');
    const primary = cli('cite', 'smith2020a', '--library', folder, '--style', 'bibtex');
    assert.match(primary.stdout, /^@article\{smith2020a,[^]*pages = \{1--9\},\n {2}publisher = \{ACM\}/);
  });

  it('writes both entries of one paper in bib, each under its own key', () => {
    const run = cli('bib', '--library', folder);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual([...run.stdout.matchAll(/^@article\{([^,]+),/gm)].map((match) => match[1]), ['smith2020a', 'smith2020rank']);
  });

  it('exits 1 for an unknown key, after printing what it could cite', () => {
    const run = cli('cite', 'smith2020a', 'nobody1999', '--library', folder);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '[@smith2020a]\n');
    assert.match(run.stderr, /Unknown key "nobody1999"/);
  });

  it('lists aliases and the merges that joined keys in index --json', () => {
    const run = cli('index', '--library', folder, '--json');
    assert.equal(run.code, 0, run.stderr);
    const document = JSON.parse(run.stdout) as { papers: { key: string; aliases?: string[] }[]; merges: { key: string; aliases: string[]; reason: string }[] };
    assert.deepEqual(document.papers.map((paper) => [paper.key, paper.aliases]), [['smith2020a', ['smith2020rank']]]);
    assert.deepEqual(document.merges.map((merge) => [merge.key, merge.aliases, merge.reason]), [['smith2020a', ['smith2020rank'], 'title']]);
  });

  it('reads the files the extension would: include and exclude globs, node_modules left out', () => {
    mkdirSync(path.join(folder, 'drafts'), { recursive: true });
    mkdirSync(path.join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(folder, 'drafts', 'draft.bib'), '@misc{draft2024, title = {A Draft Not Yet Ready}, year = {2024}}');
    writeFileSync(path.join(folder, 'node_modules', 'pkg', 'refs.bib'), '@misc{dep2020, title = {Something a Package Ships}, year = {2020}}');
    const keys = (...extra: string[]) => (JSON.parse(cli('index', '--library', folder, '--json', ...extra).stdout) as { papers: { key: string }[] }).papers.map((paper) => paper.key).sort();
    try {
      assert.deepEqual(keys(), ['draft2024', 'smith2020a']);
      assert.deepEqual(keys('--exclude', 'drafts/**'), ['smith2020a']);
      assert.deepEqual(keys('--include', '**/draft.bib'), ['draft2024']);
    } finally {
      rmSync(path.join(folder, 'drafts'), { recursive: true });
      rmSync(path.join(folder, 'node_modules'), { recursive: true });
    }
  });

  it('says what is wrong with an option, with exit code 2', () => {
    const run = cli('index', '--limit', 'many');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--limit takes a positive whole number/);
    assert.equal(cli('index', '--frobnicate').code, 2);
  });

  it('exits 1 when a library folder does not exist', () => {
    const run = cli('index', '--library', path.join(folder, 'missing'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /does not exist/);
  });

  it('groups papers in topics --json as the Papers tree does with its default settings', async () => {
    // A real library large enough for nested topics.
    const library = path.join(ROOT, 'test/fixtures/real/bibtex/split-iridia');
    const run = cli('topics', '--library', library, '--json');
    assert.equal(run.code, 0, run.stderr);
    interface Shown { name: string; keys: string[]; why: string; children?: Shown[] }
    const printed = (JSON.parse(run.stdout) as { topics: Shown[] }).topics;

    const { listings } = await readListings(library);
    const papers = Library.fromListings(listings).papers;
    const defaults = defaultSettings();
    const topics = computeTopics(papers, { rules: defaults.topicRules, folderTopics: defaults.folderTopics }).topics;
    const tree = new TreeModel(papers, topics, { groupBy: defaults.groupBy, sortOrder: defaults.sortOrder });
    // Each group as the tree shows it: its name, why, the papers in it and its subtopics.
    const grouped = (group: GroupNode): unknown => ({
      name: group.label,
      why: group.why,
      count: group.count,
      children: group.subgroups.map(grouped),
    });
    const fromCli = (topic: Shown): unknown => ({ name: topic.name, why: topic.why, count: new Set(topic.keys).size, children: (topic.children ?? []).map(fromCli) });
    assert.ok(printed.length >= 5 && printed.some((topic) => topic.children?.length), 'topics with subtopics to compare');
    assert.deepEqual(printed.map(fromCli), tree.roots.map(grouped));
  });
});

