// How the Shared Library view's rows look: the root with the library's size, topics with their
// counts, papers with a cloud (a book when the local library holds the paper too), and the
// "Load more…" and message rows.
import * as vscode from 'vscode';
import type { Library } from '../../core/indexing/library';
import { paperDescription, paperTooltipMarkdown } from '../../core/views/paperSummary';
import { displayTitle } from '../../core/views/displayTitle';
import { COMMANDS, INTERNAL_COMMANDS } from '../../vscode/ids';
import { localPaperOf, sharedPaperBeside } from '../shared/sharedPapers';
import type { LoadMoreNode, MessageNode, SharedNode, SharedPaperNode, TopicNode } from './treeNodes';

/** `papers`: the library's size, when the server said it. */
export function sharedTreeItem(node: SharedNode, library: Library, papers: number | undefined): vscode.TreeItem {
  switch (node.kind) {
    case 'root':
      return rootItem(papers);
    case 'topic':
      return topicItem(node);
    case 'paper':
      return paperItem(node, library);
    case 'more':
      return moreItem(node);
    case 'message':
      return messageItem(node);
  }
}

function rootItem(papers: number | undefined): vscode.TreeItem {
  const count = papers === undefined ? '' : ` (${papers.toLocaleString('en-US')} ${papers === 1 ? 'paper' : 'papers'})`;
  const item = new vscode.TreeItem(`Shared library${count}`, vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'shared:root';
  item.iconPath = new vscode.ThemeIcon('database');
  item.tooltip = 'Your lab’s library on its server, by topic, largest first.';
  item.accessibilityInformation = { label: papers === undefined ? 'Shared library' : `Shared library, ${papers} ${papers === 1 ? 'paper' : 'papers'}` };
  item.contextValue = 'sharedRoot';
  return item;
}

function topicItem({ topic }: TopicNode): vscode.TreeItem {
  const item = new vscode.TreeItem(topic.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `shared:topic:${topic.id}`;
  item.description = topic.count.toLocaleString('en-US');
  item.tooltip = `${topic.name}: ${topic.count.toLocaleString('en-US')} ${topic.count === 1 ? 'paper' : 'papers'} in the shared library`;
  item.accessibilityInformation = { label: `${topic.name}, ${topic.count} ${topic.count === 1 ? 'paper' : 'papers'}` };
  item.iconPath = new vscode.ThemeIcon('tag');
  item.contextValue = 'sharedTopic';
  return item;
}

function paperItem(node: SharedPaperNode, library: Library): vscode.TreeItem {
  const local = localPaperOf(library, node.paper);
  const paper = local ?? sharedPaperBeside(library, node.paper);
  const item = new vscode.TreeItem(displayTitle(paper.title), vscode.TreeItemCollapsibleState.None);
  item.id = `shared:paper:${node.parent}:${node.paper.key}`;
  item.description = [local ? 'in your library' : undefined, paperDescription(paper) || undefined].filter(Boolean).join(' · ');
  // Untrusted, no HTML: the text is from listings and escaped.
  const tooltip = new vscode.MarkdownString(`${paperTooltipMarkdown(paper)}\n\n*${local ? 'In your library and the shared one' : 'From the shared library'}*`, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon(local ? 'book' : 'cloud');
  item.contextValue = local ? 'paper' : 'sharedPaper';
  // A local paper opens by its key; a shared one is handed over whole, as the server gave it.
  item.command = { command: COMMANDS.showDetails, title: 'Show Paper Details', arguments: [local ? local.key : paper] };
  return item;
}

function moreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
  item.id = `shared:more:${node.parent.kind === 'topic' ? node.parent.topic.id : 'root'}:${node.list}:${node.shown}`;
  item.description = `${node.shown.toLocaleString('en-US')} of ${node.total.toLocaleString('en-US')} ${node.list} shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'sharedMore';
  item.command = { command: INTERNAL_COMMANDS.loadMoreShared, title: 'Load More', arguments: [node] };
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `shared:message:${node.text}`;
  item.iconPath = new vscode.ThemeIcon('info');
  item.command = { command: COMMANDS.reconnectSharedLibrary, title: 'Try Again' };
  return item;
}
