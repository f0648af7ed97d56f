// A picture of the library: papers per topic over time as stacked bars (month by month, or
// year by year when the library spans more than three years), drawn as SVG text. Colours
// are CSS values the caller chooses: the editor's theme variables in a webview, plain
// colours in an exported file, so the one drawing reads well in light and dark themes.
import type { Paper } from '../paper/paper';

export interface ChartTopic {
  name: string;
  keys: readonly string[];
}

export interface ChartSeries {
  topic: string;
  /** Papers per period, in the order of `periods`. */
  counts: number[];
  total: number;
}

export interface LibraryChartData {
  /** `YYYY-MM` (or `YYYY` when `byYear`), every period from the first to the last, none skipped. */
  periods: string[];
  byYear: boolean;
  series: ChartSeries[];
  /** Papers whose date gives no month (or no date at all). */
  undated: number;
  /** The most upvoted papers, most first. */
  top: { key: string; title: string; upvotes: number }[];
}

export const OTHER_TOPICS = 'Other topics';
const MAX_MONTHS = 36;

/**
 * Each paper counts once, under the first of `topics` that holds it (the largest topics
 * come first in the tree); topics past `maxTopics` and papers in none are "Other topics".
 */
export function libraryChartData(papers: readonly Paper[], topics: readonly ChartTopic[], options: { maxTopics?: number; topPapers?: number } = {}): LibraryChartData {
  const { shown, topicOf } = chartTopics(topics, options.maxTopics);
  const dated = papers.filter(hasMonth);
  const months = dated.map((paper) => paper.date!.slice(0, 7)).sort();
  const first = months[0];
  const last = months[months.length - 1];
  let periods: string[] = [];
  let byYear = false;
  if (first && last) {
    periods = monthsBetween(first, last);
    if (periods.length > MAX_MONTHS) {
      byYear = true;
      periods = [];
      for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) periods.push(String(year));
    }
  }
  const at = new Map(periods.map((period, index) => [period, index]));
  const names = [...shown.map((topic) => topic.name), OTHER_TOPICS];
  const counts = new Map(names.map((name) => [name, new Array<number>(periods.length).fill(0)]));
  for (const paper of dated) {
    const index = at.get(byYear ? paper.date!.slice(0, 4) : paper.date!.slice(0, 7))!;
    counts.get(topicOf(paper.key))![index]!++;
  }
  const series = names
    .map((topic) => ({ topic, counts: counts.get(topic)!, total: counts.get(topic)!.reduce((sum, n) => sum + n, 0) }))
    .filter((s) => s.total > 0);
  const top = papers
    .filter((paper) => (paper.upvotes ?? 0) > 0)
    .sort((a, b) => b.upvotes! - a.upvotes! || a.key.localeCompare(b.key))
    .slice(0, options.topPapers ?? 10)
    .map((paper) => ({ key: paper.key, title: paper.title, upvotes: paper.upvotes! }));
  return { periods, byYear, series, undated: papers.length - dated.length, top };
}

/** The topics the chart draws (the first `maxTopics` that hold papers) and where it counts each paper. */
function chartTopics(topics: readonly ChartTopic[], maxTopics = 6): { shown: ChartTopic[]; topicOf: (key: string) => string } {
  const shown = topics.filter((topic) => topic.keys.length).slice(0, maxTopics);
  const first = new Map<string, string>();
  for (const topic of shown) for (const key of topic.keys) if (!first.has(key)) first.set(key, topic.name);
  return { shown, topicOf: (key) => first.get(key) ?? OTHER_TOPICS };
}

/** Only a date with a month places a paper on the time axis. */
function hasMonth(paper: Paper): boolean {
  return paper.date !== undefined && paper.date.length >= 7;
}

/** One bar segment of the chart (a period given) or one topic of its legend (none). */
export interface ChartBar {
  topic: string;
  /** `YYYY-MM`, or `YYYY` on a chart by year. */
  period?: string;
}

/**
 * The keys of exactly the papers a bar counts: those the chart places under its topic (the
 * first drawn topic that holds them, or "Other topics") and in its period. The same papers and
 * topics as the chart was drawn from give the same number as its tooltip.
 */
export function chartBarKeys(papers: readonly Paper[], topics: readonly ChartTopic[], bar: ChartBar, options: { maxTopics?: number } = {}): string[] {
  const { topicOf } = chartTopics(topics, options.maxTopics);
  return papers.filter((paper) => hasMonth(paper) && (!bar.period || paper.date!.startsWith(bar.period)) && topicOf(paper.key) === bar.topic).map((paper) => paper.key);
}

/** "Tree Search · Mar 2025", "Tree Search · 2024", or the topic alone for a legend entry. */
export function chartBarLabel(bar: ChartBar): string {
  return bar.period ? `${bar.topic} · ${periodName(bar.period)}` : bar.topic;
}

/** "2025-03" -> "Mar 2025"; a year stays a year. */
export function periodName(period: string): string {
  return periodLabel(period, period.length === 4, undefined);
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (;;) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    out.push(period);
    if (period >= last) return out;
    if (++month > 12) {
      month = 1;
      year++;
    }
  }
}

export interface ChartColours {
  /** One per series, in order; the last series ("Other topics") takes `other`. */
  series: readonly string[];
  other: string;
  text: string;
  muted: string;
  grid: string;
  font: string;
}

/** The editor's theme, for a webview: the charts palette VS Code defines for extensions. */
export const THEME_COLOURS: ChartColours = {
  series: ['var(--vscode-charts-blue)', 'var(--vscode-charts-orange)', 'var(--vscode-charts-green)', 'var(--vscode-charts-purple)', 'var(--vscode-charts-red)', 'var(--vscode-charts-yellow)'],
  other: 'var(--vscode-disabledForeground)',
  text: 'var(--vscode-foreground)',
  muted: 'var(--vscode-descriptionForeground)',
  grid: 'var(--vscode-charts-lines)',
  font: 'var(--vscode-font-family)',
};

/** Plain colours for a file opened outside the editor (the light theme's palette). */
export const FILE_COLOURS: ChartColours = {
  series: ['#1a85ff', '#d18616', '#388a34', '#652d90', '#e51400', '#bf8803'],
  other: '#8b8b8b',
  text: '#333333',
  muted: '#717171',
  grid: '#d4d4d4',
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function periodLabel(period: string, byYear: boolean, previous: string | undefined): string {
  if (byYear) return period;
  const month = MONTH_NAMES[Number(period.slice(5, 7)) - 1]!;
  // The year under January and under the first bar: enough to read the axis.
  return !previous || period.slice(0, 4) !== previous.slice(0, 4) ? `${month} ${period.slice(0, 4)}` : month;
}

/** A round step for the count axis: about four lines. */
function niceStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

/**
 * The stacked bars as an SVG document. Each segment carries `data-topic` (and a tooltip),
 * so a page can make it a link; the legend names every topic with its count.
 */
export function libraryChartSvg(data: LibraryChartData, colours: ChartColours, options: { width?: number; height?: number; styleNonce?: string } = {}): string {
  const size = options;
  const width = size.width ?? 760;
  const legendRows = Math.ceil(data.series.length / 3);
  const plotHeight = size.height ?? 260;
  const left = 40;
  const right = 12;
  const top = 16;
  const axisHeight = 40;
  const legendTop = top + plotHeight + axisHeight;
  const height = legendTop + legendRows * 22 + 8;
  const plotWidth = width - left - right;
  const classOf = (index: number, topic: string) => (topic === OTHER_TOPICS ? 'other' : `s${index % colours.series.length}`);

  const totals = data.periods.map((_, i) => data.series.reduce((sum, s) => sum + s.counts[i]!, 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (value: number) => top + plotHeight - (value / ceiling) * plotHeight;
  const slot = data.periods.length ? plotWidth / data.periods.length : plotWidth;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="library-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Papers per topic by ${data.byYear ? 'year' : 'month'}">`);
  // Colours as classes in one style element: a page's content security policy lets a
  // style element with its nonce through, where it would refuse style attributes.
  const rules = [
    `.library-chart { font-family: ${colours.font}; font-size: 12px; }`,
    ...colours.series.map((colour, i) => `.library-chart .s${i} { fill: ${colour}; }`),
    `.library-chart .other { fill: ${colours.other}; }`,
    `.library-chart .label { fill: ${colours.text}; }`,
    `.library-chart .muted { fill: ${colours.muted}; }`,
    `.library-chart .grid { stroke: ${colours.grid}; }`,
  ];
  out.push(`<style${options.styleNonce ? ` nonce="${escapeXml(options.styleNonce)}"` : ''}>${rules.join(' ')}</style>`);
  for (let value = 0; value <= ceiling; value += step) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" class="grid" stroke-width="1"${value ? ' stroke-dasharray="2 3"' : ''}/>`);
    out.push(`<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" class="muted">${value}</text>`);
  }
  // Every label when they fit, else every second, third... with January's kept readable.
  const labelEvery = Math.max(1, Math.ceil(58 / slot));
  data.periods.forEach((period, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    let base = 0;
    data.series.forEach((series, s) => {
      const count = series.counts[i]!;
      if (!count) return;
      const y0 = y(base);
      const y1 = y(base + count);
      base += count;
      const label = `${series.topic}: ${count} paper${count === 1 ? '' : 's'} in ${periodLabel(period, data.byYear, undefined)}`;
      out.push(`<rect class="bar ${classOf(s, series.topic)}" data-topic="${escapeXml(series.topic)}" data-period="${period}" x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(1, y0 - y1 - 1).toFixed(1)}" rx="2"><title>${escapeXml(label)}</title></rect>`);
    });
    if (i % labelEvery === 0) {
      const text = periodLabel(period, data.byYear, i ? data.periods[i - labelEvery] : undefined);
      out.push(`<text x="${(left + slot * i + slot / 2).toFixed(1)}" y="${top + plotHeight + 18}" text-anchor="middle" class="muted">${escapeXml(text)}</text>`);
    }
  });
  data.series.forEach((series, s) => {
    const column = s % 3;
    const row = Math.floor(s / 3);
    const x = left + column * (plotWidth / 3);
    const yy = legendTop + row * 22;
    out.push(`<g class="legend" data-topic="${escapeXml(series.topic)}"><rect x="${x}" y="${yy}" width="12" height="12" rx="2" class="${classOf(s, series.topic)}"/><text x="${x + 18}" y="${yy + 10}" class="label">${escapeXml(clip(series.topic, 28))} (${series.total})</text></g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
