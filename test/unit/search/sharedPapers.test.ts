import assert from 'node:assert/strict';
import { citableBeside, LocalIdentities, sameWork, sharedBeside } from '../../../src/core/search/sharedPapers';
import { makePaper } from '../paperFactory';

const local = [
  makePaper({ key: 'ssrl2025', title: 'SSRL: Self-Search Reinforcement Learning', arxivId: '2508.10874' }),
  makePaper({ key: 'smith2020', title: 'Graphs for Retrieval', doi: '10.1000/graphs', aliases: ['Smith:Graphs'] }),
  makePaper({ key: 'mars2026', title: 'MARS2: Multi-Agent Tree Search' }),
];

describe('shared papers beside the local library', () => {
  const identities = new LocalIdentities(local);

  it('leaves out the papers the local library holds: same arXiv id, DOI, or key or title of the same work', () => {
    const shared = [
      makePaper({ key: 'selfsearch2025', title: 'SSRL (renamed)', arxivId: '2508.10874' }),
      makePaper({ key: 'graphs', title: 'Graphs for retrieval!', doi: '10.1000/GRAPHS' }),
      makePaper({ key: 'MARS2026', title: 'MARS2 — Multi-agent tree search' }),
      makePaper({ key: 'marsmulti2026', title: 'MARS2: multi-agent tree search' }),
      makePaper({ key: 'new2026', title: 'A Paper Only the Lab Has', arxivId: '2601.00001' }),
    ];
    assert.deepEqual(sharedBeside(shared, identities).map((paper) => paper.key), ['new2026']);
    // A title reused for another work (other ids, another year) is no reason to leave it out.
    const reused = [makePaper({ key: 'graphs1998', title: 'Graphs for Retrieval', doi: '10.1000/old' }), makePaper({ key: 'mars1990', title: 'MARS2: Multi-Agent Tree Search', year: 1990 })];
    assert.deepEqual(sharedBeside(reused, new LocalIdentities([...local.slice(0, 2), { ...local[2]!, year: 2026 }])).map((paper) => paper.key), ['graphs1998', 'mars1990']);
  });

  it('keeps the server’s order and shows each paper once, leaving out keys already on screen', () => {
    const shared = [
      makePaper({ key: 'b2024', title: 'B' }),
      makePaper({ key: 'a2024', title: 'A' }),
      makePaper({ key: 'B2024', title: 'B' }),
      makePaper({ key: 'c2024', title: 'C' }),
    ];
    assert.deepEqual(sharedBeside(shared, identities, new Set(['c2024'])).map((paper) => paper.key), ['b2024', 'a2024']);
  });

  it('gives a shared paper whose key names another local work a free key, so a note’s key names one paper', () => {
    const clash = makePaper({ key: 'smith2020', title: 'A Different Smith Paper', doi: '10.1000/other', aliases: ['other'] });
    const usable = citableBeside(clash, identities);
    assert.equal(usable.key, 'smith2020a');
    assert.equal(usable.aliases, undefined);
    assert.equal(usable.title, clash.title);
    assert.equal(clash.key, 'smith2020', 'the server’s record is not changed');
    // The free key is free among the shared papers on show too.
    const both = sharedBeside([clash, makePaper({ key: 'smith2020a', title: 'Yet Another', doi: '10.1000/third' })], identities);
    assert.deepEqual(both.map((paper) => paper.key), ['smith2020a', 'smith2020aa']);
  });

  it('drops only the aliases that local papers use', () => {
    const paper = makePaper({ key: 'fresh2025', title: 'Fresh', aliases: ['Smith:Graphs', 'fresh'] });
    assert.deepEqual(citableBeside(paper, identities).aliases, ['fresh']);
    const untouched = makePaper({ key: 'fresh2026', title: 'Fresh Too', aliases: ['fresher'] });
    assert.equal(citableBeside(untouched, identities), untouched);
  });

  it('finds the local paper a shared one is, for opening it from the shared view', () => {
    assert.equal(identities.localOf(makePaper({ key: 'x', title: 'X', arxivId: '2508.10874' }))?.key, 'ssrl2025');
    assert.equal(identities.localOf(makePaper({ key: 'x', title: 'X' })), undefined);
    assert.ok(identities.keyTaken('SMITH:GRAPHS'), 'aliases are keys too, in any case');
  });

  it('tells two records under one key apart by their ids, else by their titles', () => {
    const a = makePaper({ key: 'k', title: 'Same Title', arxivId: '2501.00001' });
    assert.equal(sameWork(a, makePaper({ key: 'k', title: 'Other Title', arxivId: '2501.00001' })), true);
    assert.equal(sameWork(a, makePaper({ key: 'k', title: 'Same Title', arxivId: '2501.00002' })), false);
    assert.equal(sameWork(makePaper({ key: 'k', title: 'Same: Title' }), makePaper({ key: 'k', title: 'same title' })), true);
    assert.equal(sameWork(makePaper({ key: 'k', title: 'Same Title' }), makePaper({ key: 'k', title: 'Another' })), false);
  });
});
