// A cited key shows its paper on hover and leads to the listing it came from on Go to
// Definition: `@key` in Markdown, a key inside `\cite{...}` in LaTeX.
import * as vscode from 'vscode';
import { citedKeyAt } from '../../core/notes/citations';
import type { Paper } from '../../core/paper/paper';
import { escapeMarkdown, paperTooltipMarkdown } from '../../core/views/paperSummary';
import type { Services } from '../shared/services';
import { noteLanguageOf } from '../shared/noteLanguage';
import { citationLabel, type CitationIndex } from '../shared/citationIndex';

function paperAt(services: Services, document: vscode.TextDocument, position: vscode.Position): { paper: Paper; range: vscode.Range } | undefined {
  const language = noteLanguageOf(document);
  if (!language) return undefined;
  const span = citedKeyAt(document.lineAt(position.line).text, position.character, language);
  if (!span) return undefined;
  const paper = services.library.current.byKey(span.key);
  return paper ? { paper, range: new vscode.Range(position.line, span.start, position.line, span.end) } : undefined;
}

/** The hover lists this many places a paper is cited, then says how many more. */
const CITED_IN_SHOWN = 8;

export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly services: Services,
    private readonly citations: CitationIndex,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = paperAt(this.services, document, position);
    if (!found) return undefined;
    // Every piece of listing text is escaped; untrusted, no HTML.
    let text = paperTooltipMarkdown(found.paper);
    const reference = await formattedWithin(this.services, found.paper, REFERENCE_WAIT_MS);
    if (reference) text += `\n\n---\n\n${escapeMarkdown(reference)}`;
    const citedIn = this.citedIn(found.paper);
    if (citedIn) text += `\n\n---\n\n${citedIn}`;
    const markdown = new vscode.MarkdownString(text);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, found.range);
  }

  /** "Cited in" with a link to each place (a file link with its line opens the note there). */
  private citedIn(paper: Paper): string | undefined {
    const places = this.citations.citedIn(paper.key);
    if (!places.length) return undefined;
    const links = places.slice(0, CITED_IN_SHOWN).map((place) => {
      const target = vscode.Uri.parse(place.file).with({ fragment: `L${place.line}` });
      return `[${escapeMarkdown(citationLabel(place))}](${target.toString()})`;
    });
    const more = places.length - links.length;
    return `**Cited in** ${links.join(' · ')}${more > 0 ? ` and ${more} more` : ''}`;
  }
}

/** How long a hover waits for the formatted reference (the first one builds the style's engine). */
const REFERENCE_WAIT_MS = 1500;

/** The paper's formatted reference, or undefined when it takes longer than `ms` or fails. */
function formattedWithin(services: Services, paper: Paper, ms: number): Promise<string | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
  const formatted = services.references.format([paper]).then(([reference]) => reference, () => undefined);
  return Promise.race([formatted, timeout]);
}

export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: Services) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const found = paperAt(this.services, document, position);
    const source = found?.paper.sources[0];
    if (!source) return undefined;
    const uri = this.services.library.uriOf(source.file);
    return uri ? new vscode.Location(uri, new vscode.Position(source.line - 1, 0)) : undefined;
  }
}
