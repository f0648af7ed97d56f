// One webview panel, reused, showing the paper last asked for. It runs no script: the page
// is rendered in src/core/detailsHtml.ts with everything escaped.
import * as vscode from 'vscode';
import { bibtexEntry } from '../shared/entries';
import { renderPaperDetails } from '../../core/views/detailsHtml';
import type { Paper } from '../../core/paper/paper';
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
  private readonly listener: vscode.Disposable;

  constructor(private readonly services: Services) {
    // A reindex may change the paper shown (or remove it): the page follows.
    this.listener = services.library.onDidChange(() => this.rerender());
  }

  /** Shows the paper, in the one details panel (created on first use). */
  show(paper: Paper, preserveFocus: boolean): vscode.WebviewPanel {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        DETAILS_VIEW_TYPE,
        tabTitle(paper),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus },
        { enableScripts: false, enableCommandUris: false, enableFindWidget: true, localResourceRoots: [] },
      );
      this.panel.iconPath = vscode.Uri.joinPath(this.services.context.extensionUri, 'media', 'lit-review.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.key = undefined;
      });
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    this.key = paper.key;
    this.render(paper);
    return this.panel;
  }

  /** The key of the paper on show, if the panel is open. */
  get shownKey(): string | undefined {
    return this.panel ? this.key : undefined;
  }

  private rerender(): void {
    if (!this.panel || !this.key) return;
    const paper = this.services.library.current.byKey(this.key);
    if (paper) this.render(paper);
  }

  private render(paper: Paper, reference?: { text: string; style: string }): void {
    const panel = this.panel!;
    panel.title = tabTitle(paper);
    panel.webview.html = renderPaperDetails(paper, {
      cspSource: panel.webview.cspSource,
      bibtex: bibtexOf(paper, this.services.config.settings),
      topics: topicsHolding(this.services.library.topics(), paper.key),
      reference,
    });
    // The formatted reference comes from a worker thread; the page is drawn again with it.
    if (!reference) void this.addReference(paper);
  }

  private async addReference(paper: Paper): Promise<void> {
    const style = this.services.config.settings.citationStyle;
    const text = await this.services.references.format([paper]).then(([formatted]) => formatted, () => undefined);
    if (text && this.panel && this.key === paper.key && this.services.library.current.byKey(paper.key) === paper) this.render(paper, { text, style });
  }

  dispose(): void {
    this.listener.dispose();
    this.panel?.dispose();
  }
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
