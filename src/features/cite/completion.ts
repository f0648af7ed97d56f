// Citation keys as completions: after `@` in Markdown (which has quick suggestions off, so
// `@` is a trigger character), inside `\cite{...}` and its kin in LaTeX, and on Ctrl+Space.
import * as vscode from 'vscode';
import { completionSpanAt, isMarkdownCodeLine } from '../../core/notes/citations';
import type { Paper } from '../../core/paper/paper';
import { completionPapers } from '../../core/search/offers';
import { paperYear } from '../../core/paper/order';
import { escapeMarkdown, snippet } from '../../core/views/paperSummary';
import { squash } from '../../core/util/text';
import type { Services } from '../shared/services';
import { noteLanguageOf } from '../shared/noteLanguage';
import { displayTitle } from '../../core/views/displayTitle';
import { INTERNAL_COMMANDS } from '../../vscode/ids';
import type { RecentCitations } from '../shared/recentCitations';

/** Above this many papers, only the engine's best hits for what is typed are offered. */
export const COMPLETION_CAP = 500;
/** The editor ignores a longer filterText. */
const FILTER_TEXT_CHARS = 128;
const ABSTRACT_CHARS = 600;
const AUTHORS_SHOWN = 10;

/** Runs after a completion is accepted: the chosen paper's entry goes into the note's .bib. */
export const COMPLETION_ACCEPTED_COMMAND = INTERNAL_COMMANDS.completionAccepted;

export class CitationCompletionProvider implements vscode.CompletionItemProvider<vscode.CompletionItem> {
  constructor(
    private readonly services: Services,
    private readonly recent: RecentCitations,
  ) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const language = noteLanguageOf(document);
    if (!language) return undefined;
    const span = completionSpanAt(document.lineAt(position.line).text, position.character, language);
    if (!span) return undefined;
    if (language === 'markdown' && isMarkdownCodeLine(document.getText(), position.line)) return undefined;
    const papers = this.services.library.current.papers;
    if (!papers.length) return undefined;
    const offered = completionPapers(papers, this.services.library.searchIndex(), span.key, COMPLETION_CAP);
    // Before anything is typed, the papers cited last come first: a draft cites the same papers again.
    if (!span.key) offered.papers = recentFirst(offered.papers, this.recent.keys.map((key) => this.services.library.current.byKey(key)));
    const range = new vscode.Range(position.line, span.start, position.line, span.end);
    const width = String(offered.papers.length).length;
    // A paper's aliases (keys of other .bib entries merged into it) are offered too: a draft may cite any of them.
    const items = offered.papers.flatMap((paper, index) => [paper.key, ...(paper.aliases ?? [])].map((key) => completionItem(paper, key, range, String(index).padStart(width, '0'), document.uri)));
    // Incomplete once a key is typed: asked again as it grows, the order follows the engine.
    return new vscode.CompletionList(items, !offered.complete || span.key.length > 0);
  }
}

function completionItem(paper: Paper, key: string, range: vscode.Range, sortText: string, note: vscode.Uri): vscode.CompletionItem {
  const year = paperYear(paper);
  const title = squash(displayTitle(paper.title));
  // The title beside the key: a list of bare keys is hard to choose from.
  const item = new vscode.CompletionItem({ label: key, detail: key === paper.key ? undefined : ` (also ${paper.key})`, description: title }, vscode.CompletionItemKind.Reference);
  item.insertText = key;
  item.detail = year !== undefined ? `${title} (${year})` : title;
  item.documentation = completionDocumentation(paper);
  item.range = range;
  // A key is typed from memory as often as a title word: match on both.
  item.filterText = `${key} ${title}`.slice(0, FILTER_TEXT_CHARS);
  item.sortText = sortText;
  item.command = { command: COMPLETION_ACCEPTED_COMMAND, title: 'Add to the bibliography', arguments: [note, key] };
  return item;
}

/** Authors and abstract; listing text is escaped and the Markdown untrusted (no command links, no HTML). */
function completionDocumentation(paper: Paper): vscode.MarkdownString {
  const parts: string[] = [];
  const names = paper.authors.slice(0, AUTHORS_SHOWN);
  const more = Math.max(paper.authors.length, paper.authorCount ?? 0) - names.length;
  if (names.length) parts.push(escapeMarkdown(names.join(', ') + (more > 0 ? ` and ${more} more` : '')));
  else if (paper.authorCount) parts.push(escapeMarkdown(`${paper.authorCount} ${paper.authorCount === 1 ? 'author' : 'authors'}`));
  if (paper.organization) parts.push(`*${escapeMarkdown(paper.organization)}*`);
  if (paper.abstract) parts.push(escapeMarkdown(snippet(paper.abstract, ABSTRACT_CHARS)));
  const markdown = new vscode.MarkdownString(parts.join('\n\n'));
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

/** The recently cited papers (still in the library) first, newest first, then the rest in their order. */
function recentFirst(papers: readonly Paper[], recent: readonly (Paper | undefined)[]): Paper[] {
  const first = [...new Set(recent.filter((paper): paper is Paper => paper !== undefined))];
  const keys = new Set(first.map((paper) => paper.key));
  return [...first, ...papers.filter((paper) => !keys.has(paper.key))];
}
