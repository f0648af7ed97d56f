// How each node of the Papers tree looks: groups with their counts, papers with a one-line
// description and an escaped hover card, and the "Show more…" stand-in.
import * as vscode from 'vscode';
import { paperDescription, paperTooltipMarkdown } from '../../core/views/paperSummary';
import type { GroupNode, MoreNode, PaperNode, TreeNode } from '../../core/views/treeModel';
import { displayTitle } from '../../core/views/displayTitle';
import type { Paper } from '../../core/paper/paper';
import { COMMANDS, INTERNAL_COMMANDS } from '../../vscode/ids';

/** Run when a "Show more…" item is clicked; not in the Command Palette. */
export const SHOW_MORE_COMMAND = INTERNAL_COMMANDS.showMorePapers;

/** How many places the notes cite a paper. */
export type CitedCount = (paper: Paper) => number;

export function treeItemFor(node: TreeNode, filtered: boolean, citedCount: CitedCount = () => 0): vscode.TreeItem {
  if (node.kind === 'group') return groupItem(node, filtered);
  if (node.kind === 'paper') return paperItem(node, citedCount(node.paper));
  return moreItem(node);
}

const GROUP_ICONS: Record<GroupNode['groupBy'], string> = { topic: 'tag', year: 'calendar', file: 'file-text' };

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

function paperItem(node: PaperNode, cited: number): vscode.TreeItem {
  const { paper } = node;
  const item = new vscode.TreeItem(displayTitle(paper.title), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  // How often the notes cite it, first: what a writer scans the list for.
  item.description = cited ? `cited ${cited}× · ${paperDescription(paper)}` : paperDescription(paper);
  // Untrusted, no HTML, no icons: the text is from listings and already escaped.
  const tooltip = new vscode.MarkdownString(paperTooltipMarkdown(paper), false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.contextValue = 'paper';
  item.iconPath = new vscode.ThemeIcon('book');
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
