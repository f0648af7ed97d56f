// A cited key the local library does not know, shown from the shared library on hover: the
// paper a draft cites from the lab's library is read without leaving the note.
import * as vscode from 'vscode';
import { citedKeyAt } from '../../core/notes/citations';
import { paperTooltipMarkdown } from '../../core/views/paperSummary';
import type { Services } from '../shared/services';
import { noteLanguageOf } from '../shared/noteLanguage';

export class SharedHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const shared = this.services.sharedLibrary;
    if (!shared.enabled) return undefined;
    const language = noteLanguageOf(document);
    if (!language) return undefined;
    const span = citedKeyAt(document.lineAt(position.line).text, position.character, language);
    // A local paper has its own hover.
    if (!span || this.services.library.current.byKey(span.key)) return undefined;
    const [paper] = (await shared.papers([span.key])) ?? [];
    if (!paper || token.isCancellationRequested) return undefined;
    // Listing text is escaped; untrusted, no HTML; only the icon is markup of ours.
    const markdown = new vscode.MarkdownString(`$(cloud) *From the shared library*\n\n${paperTooltipMarkdown(paper)}`, true);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(position.line, span.start, position.line, span.end));
  }
}
