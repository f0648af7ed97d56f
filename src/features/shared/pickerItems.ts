// The rows of the paper quick picks: a paper (title; facts and abstract below), or an action.
import type * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { escapeIconSyntax } from '../../core/search/offers';
import { paperDescription, snippet } from '../../core/views/paperSummary';
import { squash } from '../../core/util/text';
import { displayTitle } from '../../core/views/displayTitle';
import { readingDescription, STATUS_ICONS } from '../../core/reading/display';
import type { ReadingEntry } from '../../core/reading/status';

const DETAIL_CHARS = 160;

/** The action of the row offered when no paper is indexed yet. */
export const NO_PAPERS_ACTION = 'chooseFolder';
/** The action of the row that says nothing matched: accepting it does nothing. */
export const NO_MATCH_ACTION = 'none';

export interface PaperItem extends vscode.QuickPickItem {
  readonly paper: Paper;
}

/** A row that is not a paper: the selection summary of Insert Citation, an empty library. */
export interface ActionItem extends vscode.QuickPickItem {
  readonly action: string;
}

export type PickerItem = PaperItem | ActionItem;

export function isPaperItem(item: PickerItem | undefined): item is PaperItem {
  return item !== undefined && 'paper' in item;
}

/**
 * Title on the first line; year · organisation or authors · upvotes, what Enter does with
 * the paper, then the abstract's beginning, on the second. (Beside the title, as a
 * description, the facts would be cut off for every long title: the quick pick is narrow and
 * paper titles are long. The abstract comes last: it is what the width cuts.)
 */
export function paperItem(paper: Paper, buttons: vscode.QuickInputButton[], checked: boolean, enter?: string, reading?: ReadingEntry): PaperItem {
  const title = escapeIconSyntax(squash(displayTitle(paper.title)));
  const facts = [paperDescription(paper), enter].filter(Boolean).join(' · ');
  const detail = [facts, paper.abstract ? snippet(paper.abstract, DETAIL_CHARS) : undefined].filter(Boolean).join(' — ');
  return {
    label: checked ? `$(check) ${title}` : title,
    detail: [readingMark(reading), detail ? escapeIconSyntax(detail) : undefined].filter(Boolean).join(' · ') || undefined,
    // Rows are the engine's answer: the editor must show every one, in this order.
    alwaysShow: true,
    buttons,
    paper,
  };
}

/** "$(pass) Read · #rl": the status's icon, its words and the tags, first on a row's second line. */
function readingMark(entry: ReadingEntry | undefined): string | undefined {
  const words = readingDescription(entry);
  return words ? `$(${entry?.status ? STATUS_ICONS[entry.status] : 'tag'}) ${escapeIconSyntax(words)}` : undefined;
}

export function emptyLibraryItem(): ActionItem {
  return {
    label: '$(folder-opened) Choose a library folder…',
    detail: 'No papers are indexed yet: Lit Review reads listings from the library folders.',
    alwaysShow: true,
    action: NO_PAPERS_ACTION,
  };
}

/** Says so when no paper holds any word of the query, rather than leaving the list blank. */
export function noMatchItem(query: string): ActionItem {
  return {
    label: `$(search-stop) No paper matches "${escapeIconSyntax(squash(query))}"`,
    detail: 'Search reads titles, authors, organisations, abstracts, keys, arXiv ids and DOIs: try other words, or fewer.',
    alwaysShow: true,
    action: NO_MATCH_ACTION,
  };
}
