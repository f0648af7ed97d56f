// How each node of the Papers tree looks: groups with their counts, papers with their reading
// status as the icon, a one-line description and an escaped hover card, and the "Show more…" stand-in.
import * as vscode from 'vscode';
import { readingDescription, readingSummary, STATUS_COLOURS, STATUS_ICONS } from '../../core/reading/display';
import { STATUS_LABELS, type ReadingEntry } from '../../core/reading/status';
import { escapeMarkdown, paperDescription, paperTooltipMarkdown } from '../../core/views/paperSummary';
import type { GroupNode, MoreNode, PaperNode, TreeNode } from '../../core/views/treeModel';
import { displayTitle } from '../../core/views/displayTitle';
import type { Paper } from '../../core/paper/paper';
import { COMMANDS, INTERNAL_COMMANDS } from '../../vscode/ids';

/** Run when a "Show more…" item is clicked; not in the Command Palette. */
export const SHOW_MORE_COMMAND = INTERNAL_COMMANDS.showMorePapers;

/** How many places the notes cite a paper. */
export type CitedCount = (paper: Paper) => number;
/** A paper's line in the reading list, if it has one. */
export type ReadingOf = (paper: Paper) => ReadingEntry | undefined;

export function treeItemFor(node: TreeNode, filtered: boolean, citedCount: CitedCount = () => 0, readingOf: ReadingOf = () => undefined): vscode.TreeItem {
  if (node.kind === 'group') return groupItem(node, filtered);
  if (node.kind === 'paper') return paperItem(node, citedCount(node.paper), readingOf(node.paper));
  return moreItem(node);
}

const GROUP_ICONS: Record<GroupNode['groupBy'], string> = { topic: 'tag', year: 'calendar', file: 'file-text', tag: 'tag' };

function groupItem(group: GroupNode, filtered: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = group.id;
  const count = filtered && group.count !== group.total ? `${group.count} of ${group.total}` : String(group.count);
  item.description = group.detail ? `${count} · ${group.detail}` : count;
  item.tooltip = groupTooltip(group, count);
  // Only a real topic can be renamed; "No topic", years and files cannot.
  item.contextValue = group.topic ? 'topic' : 'group';
  item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[group.groupBy]);
  item.accessibilityInformation = { label: `${group.label}, ${group.count} ${group.count === 1 ? 'paper' : 'papers'}` };
  return item;
}

/** The group's name, how many papers it holds and why they are together (a topic's top words, its rule or folder). */
function groupTooltip(group: GroupNode, count: string): string {
  const papers = `${count} ${group.count === 1 ? 'paper' : 'papers'}`;
  return group.why ? `${group.label}: ${papers}\n${group.why}` : `${group.label}: ${papers}`;
}

function paperItem(node: PaperNode, cited: number, entry: ReadingEntry | undefined): vscode.TreeItem {
  const { paper } = node;
  const item = new vscode.TreeItem(displayTitle(paper.title), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // The status and tags, then how often the notes cite it: what a reader and a writer scan the list for.
  item.description = [readingDescription(entry) || undefined, cited ? `cited ${cited}×` : undefined, paperDescription(paper) || undefined].filter(Boolean).join(' · ');
  // Untrusted, no HTML, no icons: the text is from listings (and the reading list) and escaped.
  const reading = readingSummary(entry);
  const tooltip = new vscode.MarkdownString(paperTooltipMarkdown(paper) + (reading ? `\n\n**Reading:** ${escapeMarkdown(reading)}` : ''), false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.contextValue = 'paper';
  const status = entry?.status;
  item.iconPath = status ? new vscode.ThemeIcon(STATUS_ICONS[status], new vscode.ThemeColor(STATUS_COLOURS[status])) : new vscode.ThemeIcon('book');
  if (status) item.accessibilityInformation = { label: `${displayTitle(paper.title)}, ${STATUS_LABELS[status]}` };
  item.command = { command: COMMANDS.showDetails, title: 'Show Paper Details', arguments: [paper.key] };
  return item;
}

function moreItem(node: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Show more…', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${node.shown.toLocaleString('en')} of ${node.total.toLocaleString('en')} shown`;
  item.contextValue = 'more';
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: SHOW_MORE_COMMAND, title: 'Show More', arguments: [node] };
  return item;
}
