// The library chart: papers per topic by month (by year over long spans), drawn as SVG
// whose bars name their topic, in whichever colours the caller gives.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { FILE_COLOURS, libraryChartData, libraryChartSvg, OTHER_TOPICS, THEME_COLOURS } from '../../../src/core/reading/chart';
import { computeTopics } from '../../../src/core/topics';
import { makePaper as paper } from '../paperFactory';
import { exampleListing } from '../helpers';

describe('the library chart', () => {
  it('counts each dated paper once per month, under its first topic, with every month between', () => {
    const papers = [paper({ key: 'a', date: '2025-01-10', upvotes: 3 }), paper({ key: 'b', date: '2025-03', upvotes: 9 }), paper({ key: 'c', date: '2025-03-02' }), paper({ key: 'd', date: '2024' })];
    const data = libraryChartData(papers, [{ name: 'Search', keys: ['a', 'b'] }, { name: 'Trees', keys: ['b'] }]);
    assert.deepEqual(data.periods, ['2025-01', '2025-02', '2025-03']);
    assert.deepEqual(data.series.map((s) => [s.topic, s.counts]), [['Search', [1, 0, 1]], [OTHER_TOPICS, [0, 0, 1]]]);
    assert.equal(data.undated, 1);
    assert.deepEqual(data.top.map((t) => t.key), ['b', 'a']);
  });

  it('draws the example library with clickable bars and theme colours, or plain colours for a file', () => {
    const { papers, topics } = computeTopics(Library.fromListings([exampleListing()]).papers);
    const data = libraryChartData(papers, topics);
    assert.ok(data.periods.length >= 6 && !data.byYear, data.periods.join());
    const svg = libraryChartSvg(data, THEME_COLOURS, { styleNonce: 'abc' });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<style nonce="abc">[^<]*var\(--vscode-charts-blue\)/);
    assert.ok(!/style="/.test(svg), 'no style attributes: a strict CSP refuses them');
    assert.equal((svg.match(/class="bar /g) ?? []).length > data.periods.length / 2, true);
    assert.match(svg, new RegExp(`data-topic="${data.series[0]!.topic.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    const file = libraryChartSvg(data, FILE_COLOURS);
    assert.ok(!file.includes('var(--vscode'), 'a file opened outside the editor has plain colours');
  });
});
