// Shared papers as citation-key completions, beside the local ones (which another provider
// offers at once): asked of the server as a key is typed, cancelled when the next keystroke
// comes. The editor waits for every provider, so this one waits only a moment for the server;
// an answer that comes later is kept for the keystrokes after it.
import * as vscode from 'vscode';
import { completionSpanAt, isMarkdownCodeLine } from '../../core/notes/citations';
import type { Paper } from '../../core/paper/paper';
import { paperYear } from '../../core/paper/order';
import { escapeMarkdown, snippet } from '../../core/views/paperSummary';
import { displayTitle } from '../../core/views/displayTitle';
import { squash } from '../../core/util/text';
import { INTERNAL_COMMANDS } from '../../vscode/ids';
import type { Services } from '../shared/services';
import { noteLanguageOf } from '../shared/noteLanguage';
import { sharedPapersBeside } from '../shared/sharedPapers';

/** How long the list waits for the server before showing without its papers. */
const WAIT_MS = 250;
const SHARED_LIMIT = 20;
/** Fewer letters match too much of a large library to be worth a question. */
const MIN_TYPED = 2;
const FILTER_TEXT_CHARS = 128;
const ABSTRACT_CHARS = 600;
/** Answers kept for the keystrokes after them. */
const REMEMBERED = 50;

export class SharedCompletionProvider implements vscode.CompletionItemProvider {
  /** Typed key → what the server found for it (before leaving out the local papers). */
  private readonly answers = new Map<string, readonly Paper[]>();
  private asking?: AbortController;

  constructor(private readonly services: Services) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    const shared = this.services.sharedLibrary;
    if (!shared.enabled) return undefined;
    const language = noteLanguageOf(document);
    if (!language) return undefined;
    const span = completionSpanAt(document.lineAt(position.line).text, position.character, language);
    if (!span || span.key.length < MIN_TYPED) return undefined;
    if (language === 'markdown' && isMarkdownCodeLine(document.getText(), position.line)) return undefined;
    const found = this.answers.get(span.key) ?? (await this.ask(span.key, token)) ?? this.earlierAnswer(span.key);
    if (!found?.length || token.isCancellationRequested) return new vscode.CompletionList([], true);
    const papers = sharedPapersBeside(this.services.library.current, found);
    const range = new vscode.Range(position.line, span.start, position.line, span.end);
    const items = papers.map((paper, index) => completionItem(paper, range, index, document.uri));
    // Asked again as the key grows: the server's answer depends on every letter.
    return new vscode.CompletionList(items, true);
  }

  /** The server's papers for `typed` if they come within a moment; later ones are remembered. */
  private ask(typed: string, token: vscode.CancellationToken): Promise<readonly Paper[] | undefined> {
    this.asking?.abort();
    const asking = new AbortController();
    this.asking = asking;
    const cancelled = token.onCancellationRequested(() => asking.abort());
    const answer = this.services.sharedLibrary.search(typed, { limit: SHARED_LIMIT, signal: asking.signal }).then((papers) => {
      cancelled.dispose();
      if (papers) this.remember(typed, papers);
      return papers;
    });
    const moment = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), WAIT_MS));
    return Promise.race([answer, moment]);
  }

  /** While the server's answer for what is typed now is on its way, that for fewer letters (the editor filters it further). */
  private earlierAnswer(typed: string): readonly Paper[] | undefined {
    for (let length = typed.length - 1; length >= MIN_TYPED; length--) {
      const answer = this.answers.get(typed.slice(0, length));
      if (answer) return answer;
    }
    return undefined;
  }

  private remember(typed: string, papers: readonly Paper[]): void {
    this.answers.delete(typed);
    this.answers.set(typed, papers);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= REMEMBERED) break;
      this.answers.delete(oldest);
    }
  }

  /** Answers of another server, or from before a publish, are not offered again. */
  forget(): void {
    this.answers.clear();
  }
}

function completionItem(paper: Paper, range: vscode.Range, index: number, note: vscode.Uri): vscode.CompletionItem {
  const year = paperYear(paper);
  const title = squash(displayTitle(paper.title));
  const item = new vscode.CompletionItem({ label: paper.key, detail: ' (shared)', description: title }, vscode.CompletionItemKind.Reference);
  item.insertText = paper.key;
  item.detail = `Shared library: ${year !== undefined ? `${title} (${year})` : title}`;
  item.documentation = documentation(paper);
  item.range = range;
  item.filterText = `${paper.key} ${title}`.slice(0, FILTER_TEXT_CHARS);
  // After the local papers of the same standing: "~" sorts after the local ones' digits.
  item.sortText = `~${String(index).padStart(3, '0')}`;
  item.command = { command: INTERNAL_COMMANDS.sharedCompletionAccepted, title: 'Add to the bibliography', arguments: [note, paper] };
  return item;
}

/** Authors and abstract, escaped and untrusted, and where the paper comes from. */
function documentation(paper: Paper): vscode.MarkdownString {
  const parts = ['*From the shared library: citing it adds its entry to the bibliography.*'];
  if (paper.authors.length) parts.push(escapeMarkdown(paper.authors.slice(0, 10).join(', ') + (paper.authors.length > 10 ? ` and ${paper.authors.length - 10} more` : '')));
  if (paper.abstract) parts.push(escapeMarkdown(snippet(paper.abstract, ABSTRACT_CHARS)));
  const markdown = new vscode.MarkdownString(parts.join('\n\n'));
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
