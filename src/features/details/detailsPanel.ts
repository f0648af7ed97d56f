// One webview panel, reused, showing the paper last asked for. The page is rendered in
// src/core/views/detailsHtml.ts with everything escaped; its one script (by a nonce) only posts
// what a button asks for, and the messages are handled in detailsMessages.ts.
import * as vscode from 'vscode';
import { bibtexEntry } from '../shared/entries';
import { renderPaperDetails, type CitedPlace } from '../../core/views/detailsHtml';
import { citationLabel, type CitationIndex } from '../shared/citationIndex';
import { INTERNAL_COMMANDS } from '../../vscode/ids';
import type { Paper } from '../../core/paper/paper';
import { readingOf } from '../../core/reading/display';
import { handleDetailsMessage } from './detailsMessages';
import { SimilarSection } from './similarSection';
import type { Settings } from '../../core/settings';
import { topicsHolding } from '../../core/views/treeModel';
import type { Services } from '../shared/services';
import { displayTitle } from '../../core/views/displayTitle';

export const DETAILS_VIEW_TYPE = 'litReview.details';

/** Tab titles longer than this are cut: the full title is on the page. */
const TAB_TITLE_CHARS = 60;

export class DetailsPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private key?: string;
  /** The paper on show when the local library lacks it (one of the shared library's): drawn and acted on as it is. */
  private sharedPaper?: Paper;
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly citations: CitationIndex,
  ) {
    // A reindex may change the paper shown (or remove it), a note may cite it: the page follows.
    this.listener = vscode.Disposable.from(
      services.library.onDidChange(() => this.rerender(false)),
      citations.onDidChange(() => this.rerender(true)),
      services.reading.onDidChange(() => this.rerender(true)),
    );
    this.similar = new SimilarSection(services.library, () => this.rerender(true));
  }

  private readonly similar: SimilarSection;

  /** Shows the paper, in the one details panel (created on first use). */
  show(paper: Paper, preserveFocus: boolean): vscode.WebviewPanel {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        DETAILS_VIEW_TYPE,
        tabTitle(paper),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus },
        // The page's own script posts what its buttons ask for; one command link: "Cited in" opens a note at a citation.
        { enableScripts: true, enableCommandUris: [INTERNAL_COMMANDS.openCitation], enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'lit-review.svg');
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        const target = this.sharedPaper ?? this.key;
        if (target) void handleDetailsMessage(target, message);
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.key = undefined;
        this.sharedPaper = undefined;
      });
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    this.key = paper.key;
    this.sharedPaper = this.services.library.current.byKey(paper.key) ? undefined : paper;
    this.render(paper);
    return this.panel;
  }

  /** The key of the paper on show, if the panel is open. */
  get shownKey(): string | undefined {
    return this.panel ? this.key : undefined;
  }

  /** The page on show and its paper, if the panel is open (what the tests read). */
  get page(): { key: string; html: string } | undefined {
    return this.panel && this.key ? { key: this.key, html: this.panel.webview.html } : undefined;
  }

  /** Draws the page again; `keepReference` when only the citations changed, not the paper. */
  private rerender(keepReference: boolean): void {
    if (!this.panel || !this.key) return;
    const paper = this.services.library.current.byKey(this.key) ?? this.sharedPaper;
    if (!paper) return;
    const kept = keepReference && this.reference?.key === paper.key && this.reference.value.style === this.services.config.settings.citationStyle ? this.reference.value : undefined;
    this.render(paper, kept);
  }

  /** The formatted reference last drawn, kept so a redraw for new citations does not format again. */
  private reference?: { key: string; value: { text: string; style: string } };

  private render(paper: Paper, reference?: { text: string; style: string }): void {
    const panel = this.panel!;
    panel.title = tabTitle(paper);
    void this.services.reading.current();
    panel.webview.html = renderPaperDetails(paper, {
      cspSource: panel.webview.cspSource,
      bibtex: bibtexOf(paper, this.services.config.settings),
      topics: topicsHolding(this.services.library.topics(), paper.key),
      citedIn: citedPlaces(this.citations, paper),
      reference,
      reading: { entry: readingOf(this.services.reading.list, paper) },
      similar: this.similar.of(paper, this.services.reading.list),
      scriptNonce: nonce(),
    });
    // The formatted reference comes from a worker thread; the page is drawn again with it.
    if (!reference) void this.addReference(paper);
  }

  private async addReference(paper: Paper): Promise<void> {
    const style = this.services.config.settings.citationStyle;
    const text = await this.services.references.format([paper]).then(([formatted]) => formatted, () => undefined);
    if (text && this.panel && this.key === paper.key && (this.services.library.current.byKey(paper.key) ?? paper) === paper) {
      this.reference = { key: paper.key, value: { text, style } };
      this.render(paper, { text, style });
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.similar.dispose();
    this.panel?.dispose();
  }
}

/** A fresh nonce for each page: only the script the page was drawn with may run. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Where the notes cite the paper (by any of its keys), each a link that opens the note there. */
function citedPlaces(citations: CitationIndex, paper: Paper): CitedPlace[] {
  const places = [paper.key, ...(paper.aliases ?? [])].flatMap((key) => citations.citedIn(key));
  return places.map((place) => ({
    label: citationLabel(place),
    locator: place.locator,
    href: `command:${INTERNAL_COMMANDS.openCitation}?${encodeURIComponent(JSON.stringify([place.file, place.line, place.column]))}`,
  }));
}

function tabTitle(paper: Paper): string {
  const title = displayTitle(paper.title).replace(/\s+/g, ' ').trim();
  return title.length > TAB_TITLE_CHARS ? `${title.slice(0, TAB_TITLE_CHARS - 1).trimEnd()}…` : title;
}

/** The entry, or nothing: a paper the BibTeX writer cannot format still gets its page. */
function bibtexOf(paper: Paper, settings: Settings): string | undefined {
  try {
    return bibtexEntry(paper, settings);
  } catch {
    return undefined;
  }
}
