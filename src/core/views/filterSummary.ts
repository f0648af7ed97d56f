// What the Papers view says about its filters: a short description beside its title, and a
// message above the tree with how many papers are left and how to see them all again.
import { chartBarLabel, periodName, type ChartBar } from '../reading/chart';
import { readingFilterLabel, type ReadingFilter } from '../reading/display';

export interface ViewFilters {
  /** Text matched as Search Papers matches it. */
  text?: string;
  cited?: 'cited' | 'uncited';
  reading?: ReadingFilter;
  /** A bar (or legend entry) of the library chart. */
  chart?: ChartBar;
}

export interface FilterSummary {
  description?: string;
  message?: string;
}

export function isFiltered(filters: ViewFilters): boolean {
  return filters.text !== undefined || filters.cited !== undefined || !!(filters.reading && readingFilterLabel(filters.reading)) || filters.chart !== undefined;
}

/** The view's words for its filters, given how many papers pass them; nothing when there is no filter. */
export function filterSummary(filters: ViewFilters, count: number): FilterSummary {
  if (!isFiltered(filters)) return {};
  const cited = filters.cited === 'cited' ? 'cited' : filters.cited === 'uncited' ? 'not yet cited' : undefined;
  const reading = filters.reading ? readingFilterLabel(filters.reading) || undefined : undefined;
  const chart = filters.chart ? chartBarLabel(filters.chart) : undefined;
  const text = filters.text !== undefined ? `“${filters.text}”` : undefined;
  const description = [chart, reading, cited, text].filter(Boolean).join(' · ');

  const papers = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`;
  // Each filter as the end of a sentence: "3 papers to read, tagged #rl, matching “tree”".
  const clauses = [
    filters.chart ? `of “${filters.chart.topic}”${filters.chart.period ? ` in ${periodName(filters.chart.period)}` : ''} on the library chart` : undefined,
    filters.reading?.status ? (filters.reading.status === 'none' ? 'without a reading status' : `marked “${readingFilterLabel({ status: filters.reading.status })}”`) : undefined,
    filters.reading?.tag ? `tagged #${filters.reading.tag}` : undefined,
    cited ? `${cited} in your notes` : undefined,
    text ? `matching ${text}` : undefined,
  ].filter(Boolean);
  const message = count
    ? `${papers(count)} ${clauses.join(', ')}.`
    : `No paper ${clauses.join(', ')}. Clear the filter to see every paper.`;
  return { description, message };
}
