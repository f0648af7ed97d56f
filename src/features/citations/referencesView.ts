// The References view: the papers the note in front cites, in the order it first cites them.
// A key neither the library nor the note's bibliography knows is flagged; a click goes to
// the key's first citation in the note.
import * as vscode from 'vscode';
import type { CitationLocation } from '../../core/notes/citationMap';
import { paperTooltipMarkdown } from '../../core/views/paperSummary';
import { displayTitle } from '../../core/views/displayTitle';
import { paperYear } from '../../core/paper/order';
import type { Services } from '../shared/services';
import type { BibliographySync } from '../shared/bibliographySync';
import { CitationIndex } from '../shared/citationIndex';
import { noteLanguageOf } from '../shared/noteLanguage';
import { INTERNAL_COMMANDS } from '../../vscode/ids';

export interface ReferenceNode {
  key: string;
  /** Where the note cites it, in document order. */
  places: CitationLocation[];
  known: 'library' | 'bibliography' | 'unknown';
}

export class ReferencesProvider implements vscode.TreeDataProvider<ReferenceNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private note?: vscode.TextDocument;
  private nodes: ReferenceNode[] = [];
  private version = 0;
  /** Fires after the nodes have been worked out again. */
  private readonly refreshed = new vscode.EventEmitter<void>();
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly services: Services,
    private readonly citations: CitationIndex,
    private readonly bibliography: BibliographySync,
  ) {
    this.disposables.push(
      this.refreshed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus in a view or a picker keeps the note last in front.
        if (editor && noteLanguageOf(editor.document)) this.show(editor.document);
        else if (editor) this.show(undefined);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.note) this.show(undefined);
      }),
      citations.onDidChange(() => void this.refresh()),
      services.library.onDidChange(() => void this.refresh()),
    );
    const editor = vscode.window.activeTextEditor;
    if (editor && noteLanguageOf(editor.document)) this.show(editor.document);
  }

  /** The note whose references are shown. */
  get document(): vscode.TextDocument | undefined {
    return this.note;
  }

  /** The references as last worked out. */
  get references(): readonly ReferenceNode[] {
    return this.nodes;
  }

  private show(document: vscode.TextDocument | undefined): void {
    this.note = document;
    if (document) this.citations.updateNow(document);
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const version = ++this.version;
    const document = this.note;
    if (!document) {
      this.nodes = [];
    } else {
      const places = this.citations.map.citationsOf(CitationIndex.idOf(document.uri));
      const byKey = new Map<string, CitationLocation[]>();
      for (const place of places) {
        const key = place.key.toLowerCase();
        const list = byKey.get(key);
        if (list) list.push(place);
        else byKey.set(key, [place]);
      }
      const library = this.services.library.current;
      const needsBib = [...byKey.values()].some((list) => !library.byKey(list[0]!.key));
      const inBib = needsBib ? await this.bibliography.keysFor(document) : new Set<string>();
      if (version !== this.version) return;
      this.nodes = [...byKey.entries()].map(([key, list]) => ({
        key: list[0]!.key,
        places: list,
        known: library.byKey(list[0]!.key) ? 'library' : inBib.has(key) ? 'bibliography' : 'unknown',
      }));
    }
    this.changed.fire();
    this.refreshed.fire();
  }

  getTreeItem(node: ReferenceNode): vscode.TreeItem {
    const paper = this.services.library.current.byKey(node.key);
    const times = node.places.length > 1 ? ` · ${node.places.length}×` : '';
    const item = new vscode.TreeItem(paper ? displayTitle(paper.title) : node.key, vscode.TreeItemCollapsibleState.None);
    item.id = `reference:${node.key.toLowerCase()}`;
    const year = paper ? paperYear(paper) : undefined;
    if (paper) item.description = `${node.key}${year ? ` · ${year}` : ''}${times}`;
    else item.description = node.known === 'bibliography' ? `in the bibliography only${times}` : `unknown key${times}`;
    if (paper) {
      const tooltip = new vscode.MarkdownString(paperTooltipMarkdown(paper), false);
      tooltip.isTrusted = false;
      tooltip.supportHtml = false;
      item.tooltip = tooltip;
    } else {
      item.tooltip = node.known === 'bibliography' ? `"${node.key}" is in the note's bibliography, not in the Lit Review library.` : `No paper in the library or the bibliography has the key "${node.key}".`;
    }
    item.iconPath = node.known === 'unknown' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(node.known === 'library' ? 'book' : 'bracket');
    item.contextValue = node.known === 'library' ? 'reference' : 'unknownReference';
    const first = node.places[0]!;
    item.command = { command: INTERNAL_COMMANDS.openCitation, title: 'Go to Citation', arguments: [first.file, first.line, first.column] };
    return item;
  }

  getChildren(node?: ReferenceNode): ReferenceNode[] {
    return node ? [] : this.nodes;
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
