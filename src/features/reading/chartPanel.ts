// Show Library Chart: papers per topic over time and the most upvoted papers, in the
// editor's theme colours. A bar shows exactly its papers in the Papers view (a legend entry,
// its topic's); a paper opens its details; Export SVG writes the drawing in plain colours.
import * as vscode from 'vscode';
import { escapeXml, FILE_COLOURS, libraryChartData, libraryChartSvg, THEME_COLOURS, type LibraryChartData } from '../../core/reading/chart';
import { writeAtomically } from '../../vscode/atomicWrite';
import { COMMANDS, INTERNAL_COMMANDS, PAPERS_VIEW } from '../../vscode/ids';
import type { Services } from '../shared/services';

export const CHART_VIEW_TYPE = 'litReview.libraryChart';

type Message = { type: 'filter'; topic: string; period?: string } | { type: 'details'; key: string } | { type: 'export' };

export class LibraryChartPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(services.library.onDidChange(() => this.refresh()), services.library.onDidFindTopics(() => this.refresh()));
  }

  /** The chart's data for the library as it is now. */
  data(): LibraryChartData {
    const topics = this.services.library.topicsIfFound() ?? [];
    return libraryChartData(this.services.library.current.papers.filter((paper) => !paper.container), topics);
  }

  show(): LibraryChartData {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, 'Library Chart', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
      this.panel.webview.onDidReceiveMessage((message: Message) => void this.receive(message), undefined, this.disposables);
    } else this.panel.reveal();
    return this.refresh();
  }

  /** Writes the chart in plain colours to `target`, else to a file the person picks. */
  async exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = this.services.library.libraryFolder();
    const file = target ?? (await vscode.window.showSaveDialog({ title: 'Export Library Chart', filters: { SVG: ['svg'] }, defaultUri: folder && vscode.Uri.joinPath(folder, 'library-chart.svg') }));
    if (!file) return undefined;
    await writeAtomically(file, libraryChartSvg(this.data(), FILE_COLOURS) + '\n');
    return file;
  }

  private refresh(): LibraryChartData {
    const data = this.data();
    if (this.panel) this.panel.webview.html = chartHtml(data);
    return data;
  }

  private async receive(message: Message): Promise<void> {
    if (message.type === 'filter' && typeof message.topic === 'string') {
      await vscode.commands.executeCommand(`${PAPERS_VIEW}.focus`);
      await vscode.commands.executeCommand(INTERNAL_COMMANDS.filterByChartBar, { topic: message.topic, period: typeof message.period === 'string' ? message.period : undefined });
    } else if (message.type === 'details' && typeof message.key === 'string') {
      await vscode.commands.executeCommand(COMMANDS.showDetails, message.key);
    } else if (message.type === 'export') {
      const file = await this.exportSvg();
      if (file) void vscode.window.showInformationMessage(`Lit Review saved the chart as ${vscode.workspace.asRelativePath(file)}.`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function chartHtml(data: LibraryChartData): string {
  const n = nonce();
  const csp = `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';`;
  const total = data.series.reduce((sum, s) => sum + s.total, 0);
  const chart = data.periods.length
    ? libraryChartSvg(data, THEME_COLOURS, { styleNonce: n })
    : '<p class="empty">No paper in the library has a date with a month yet.</p>';
  const maxVotes = Math.max(1, ...data.top.map((paper) => paper.upvotes));
  const top = data.top
    .map((paper) => `<li><button class="paper" data-key="${escapeXml(paper.key)}" title="Show details of ${escapeXml(paper.key)}"><span class="votes">▲ ${paper.upvotes}</span><span class="meter"><span class="fill" data-width="${Math.round((100 * paper.upvotes) / maxVotes)}"></span></span><span class="title">${escapeXml(paper.title)}</span></button></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Library Chart</title>
<style nonce="${n}">
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 8px 20px 24px; max-width: 980px; }
h1 { font-size: 1.4em; font-weight: 600; margin: 8px 0 2px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 24px 0 8px; }
.sub { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
.toolbar { display: flex; gap: 8px; align-items: center; justify-content: space-between; }
button.action { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; font: inherit; }
button.action:hover { background: var(--vscode-button-secondaryHoverBackground); }
.library-chart { max-width: 100%; height: auto; }
.library-chart .bar, .library-chart .legend { cursor: pointer; }
.library-chart .bar:hover { opacity: 0.75; }
.library-chart .legend:hover text { text-decoration: underline; }
ol { list-style: none; padding: 0; margin: 0; }
button.paper { display: grid; grid-template-columns: 4.5em 120px 1fr; gap: 10px; align-items: center; width: 100%; text-align: left; background: none; border: none; color: inherit; font: inherit; padding: 3px 4px; cursor: pointer; border-radius: 3px; }
button.paper:hover { background: var(--vscode-list-hoverBackground); }
button.paper:focus-visible, button.action:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.votes { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; text-align: right; }
.meter { height: 8px; background: var(--vscode-editorWidget-background, transparent); border: 1px solid var(--vscode-charts-lines); border-radius: 4px; overflow: hidden; }
.fill { display: block; height: 100%; background: var(--vscode-charts-blue); }
.title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.empty { color: var(--vscode-descriptionForeground); }
</style></head>
<body>
<div class="toolbar"><h1>Papers per topic by ${data.byYear ? 'year' : 'month'}</h1><button class="action" id="export" title="Save this chart as an SVG file">Export SVG</button></div>
<p class="sub">${total} dated papers${data.undated ? `, ${data.undated} without a month` : ''}. Click a bar to list its papers in the Papers view, or a topic below the chart for all of its papers.</p>
${chart}
${top ? `<h2>Most upvoted</h2><ol>${top}</ol>` : ''}
<script nonce="${n}">
const vscode = acquireVsCodeApi();
for (const fill of document.querySelectorAll('.fill')) fill.style.width = fill.dataset.width + '%';
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const topic = target && target.closest('[data-topic]');
  if (topic) return vscode.postMessage({ type: 'filter', topic: topic.getAttribute('data-topic'), period: topic.getAttribute('data-period') || undefined });
  const paper = target && target.closest('[data-key]');
  if (paper) return vscode.postMessage({ type: 'details', key: paper.getAttribute('data-key') });
  if (target && target.closest('#export')) vscode.postMessage({ type: 'export' });
});
</script>
</body></html>`;
}
