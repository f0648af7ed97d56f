// Filter by Reading Status or Tag: a pick of the statuses and the tags in use, each with how
// many papers it would leave. Choosing a status keeps the tag chosen before, and the other way
// round, so "to read, tagged #rl" takes two picks.
import * as vscode from 'vscode';
import { readingCounts, STATUS_ICONS, type ReadingFilter } from '../../core/reading/display';
import { parseStatus, READING_STATUSES, STATUS_LABELS } from '../../core/reading/status';
import type { Services } from '../shared/services';

interface FilterItem extends vscode.QuickPickItem {
  filter?: ReadingFilter;
}

const papers = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'paper' : 'papers'}`;

/** The filter chosen (`{}` shows every status and tag again); undefined when the pick is dismissed. */
export async function pickReadingFilter(services: Services, current: ReadingFilter | undefined): Promise<ReadingFilter | undefined> {
  const list = await services.reading.current();
  const counts = readingCounts(list, services.library.current.papers.filter((paper) => !paper.container));
  const mark = (on: boolean) => (on ? ' · shown now' : '');
  const items: FilterItem[] = [];
  if (current) items.push({ label: '$(clear-all) Every status and tag', description: 'clear this filter', filter: {} });
  items.push({ label: 'Reading status', kind: vscode.QuickPickItemKind.Separator });
  for (const status of READING_STATUSES) {
    items.push({ label: `$(${STATUS_ICONS[status]}) ${STATUS_LABELS[status]}`, description: papers(counts.statuses[status]) + mark(current?.status === status), filter: { ...current, status } });
  }
  items.push({ label: '$(circle-large-outline) No status yet', description: papers(counts.statuses.none) + mark(current?.status === 'none'), filter: { ...current, status: 'none' } });
  items.push({ label: 'Tags', kind: vscode.QuickPickItemKind.Separator });
  if (!counts.tags.length) items.push({ label: '$(info) No tags yet', description: 'Add Tag (in a paper’s context menu) gives a paper one' });
  for (const { tag, count } of counts.tags) {
    items.push({ label: `$(tag) ${tag}`, description: papers(count) + mark(current?.tag?.toLowerCase() === tag.toLowerCase()), filter: { ...current, tag } });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Filter Papers by Reading Status or Tag',
    placeHolder: current ? 'A status or a tag to add to the filter, or clear it' : 'Show only the papers with a status, or with a tag',
    matchOnDescription: false,
  });
  return picked?.filter;
}

/** `{status, tag}` from a command's argument (a status in words, "none" for papers without one); `{}` for none of them. */
export function readingFilterArgument(given: unknown): ReadingFilter {
  const value = (typeof given === 'object' && given !== null ? given : {}) as { status?: unknown; tag?: unknown };
  const status = value.status === 'none' ? 'none' : typeof value.status === 'string' ? parseStatus(value.status) : undefined;
  const tag = typeof value.tag === 'string' && value.tag.trim() ? value.tag.trim() : undefined;
  return { ...(status ? { status } : {}), ...(tag ? { tag } : {}) };
}
