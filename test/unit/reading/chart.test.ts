// The library chart: papers per topic by month (by year over long spans), drawn as SVG
// whose bars name their topic, in whichever colours the caller gives.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { chartBarKeys, chartBarLabel, FILE_COLOURS, libraryChartData, libraryChartSvg, OTHER_TOPICS, periodName, THEME_COLOURS } from '../../../src/core/reading/chart';
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

  it('names exactly the papers each bar counts, so a click shows the number its tooltip says', () => {
    const { papers, topics } = computeTopics(Library.fromListings([exampleListing()]).papers);
    const data = libraryChartData(papers, topics);
    let bars = 0;
    for (const series of data.series) {
      data.periods.forEach((period, i) => {
        const keys = chartBarKeys(papers, topics, { topic: series.topic, period });
        assert.equal(keys.length, series.counts[i], `${series.topic} in ${period}`);
        if (keys.length) bars++;
      });
      assert.equal(chartBarKeys(papers, topics, { topic: series.topic }).length, series.total, `the legend entry of ${series.topic}`);
    }
    assert.ok(bars > 5);
  });

  it('places a paper under the first drawn topic that holds it, papers of no drawn topic under "Other topics"', () => {
    const papers = [paper({ key: 'a', date: '2025-01-10' }), paper({ key: 'b', date: '2025-03' }), paper({ key: 'c', date: '2025-03-02' }), paper({ key: 'd', date: '2025' })];
    const topics = [{ name: 'Search', keys: ['a', 'b'] }, { name: 'Trees', keys: ['b', 'c'] }];
    assert.deepEqual(chartBarKeys(papers, topics, { topic: 'Trees', period: '2025-03' }), ['c'], 'b counts under Search, the first topic holding it');
    assert.deepEqual(chartBarKeys(papers, topics, { topic: 'Search', period: '2025-03' }), ['b']);
    assert.deepEqual(chartBarKeys(papers, topics, { topic: 'Search', period: '2025' }), ['a', 'b'], 'a bar of a chart by year');
    assert.deepEqual(chartBarKeys(papers, topics, { topic: OTHER_TOPICS }), [], 'd has no month: the chart does not draw it');
    assert.deepEqual(chartBarKeys(papers, topics, { topic: OTHER_TOPICS }, { maxTopics: 1 }), ['c']);
  });

  it('names a bar by its topic and period', () => {
    assert.equal(chartBarLabel({ topic: 'Tree Search', period: '2025-03' }), 'Tree Search · Mar 2025');
    assert.equal(chartBarLabel({ topic: 'Tree Search', period: '2024' }), 'Tree Search · 2024');
    assert.equal(chartBarLabel({ topic: 'Tree Search' }), 'Tree Search');
    assert.equal(periodName('2025-12'), 'Dec 2025');
  });
});
