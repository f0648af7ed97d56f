// The details page's reading parts: the paper's status and tags (buttons that change them when
// the page may run its one script) and the papers most like it, each with the words they share.
// Buttons carry only `data-action` and `data-value`; the script posts those two strings and the
// extension decides what they may do.
import { escapeHtml } from './htmlEscape';
import { displayTitle } from './displayTitle';
import { READING_STATUSES, STATUS_LABELS, type ReadingEntry, type ReadingStatus } from '../reading/status';

export interface SimilarPaper {
  key: string;
  title: string;
  year?: number;
  /** Cosine similarity, 0 to 1. */
  score: number;
  /** The shared words that make the two papers alike, most first. */
  why: readonly string[];
  status?: ReadingStatus;
}

/** What a button of the page asks the extension for. */
export type DetailsAction = 'setStatus' | 'addTag' | 'removeTag' | 'details' | 'similar';
export const DETAILS_ACTIONS: readonly DetailsAction[] = ['setStatus', 'addTag', 'removeTag', 'details', 'similar'];

// Prefixed: the page's own classes (a section called "reading", the facts' "dot") must not meet them.
const STATUS_CLASSES: Record<ReadingStatus, string> = { 'to-read': 'is-to-read', reading: 'is-reading', read: 'is-read', excluded: 'is-excluded' };

function statusDot(status: ReadingStatus | undefined, title?: string): string {
  return `<span class="status-dot${status ? ` ${STATUS_CLASSES[status]}` : ''}"${title ? ` title="${escapeHtml(title)}"` : ' aria-hidden="true"'}></span>`;
}

function button(action: DetailsAction, value: string, body: string, attributes: Record<string, string>): string {
  const extra = Object.entries(attributes).map(([name, text]) => ` ${name}="${escapeHtml(text)}"`).join('');
  return `<button type="button" data-action="${action}" data-value="${escapeHtml(value)}"${extra}>${body}</button>`;
}

/** The status (with its reason and date) and the tags; with `interactive`, buttons set and remove them. */
export function readingHtml(entry: ReadingEntry | undefined, interactive: boolean): string {
  const current = entry?.status;
  const statuses = interactive
    ? `<div class="statuses" role="group" aria-label="Reading status">${READING_STATUSES.map((status) =>
      button('setStatus', status, `${statusDot(status)}${escapeHtml(STATUS_LABELS[status])}`, {
        class: `status${status === current ? ' current' : ''}`,
        'aria-pressed': String(status === current),
        title: status === current ? `Marked “${STATUS_LABELS[status]}”` : `Mark as “${STATUS_LABELS[status]}”`,
      })).join('')}</div>`
    : current ? `<p class="status-text">${statusDot(current)}${escapeHtml(STATUS_LABELS[current])}</p>` : '<p class="muted">No reading status yet.</p>';
  const since = current && entry?.date ? `${escapeHtml(STATUS_LABELS[current])} since ${escapeHtml(entry.date)}` : undefined;
  const reason = entry?.reason ? `<span class="reason">${escapeHtml(entry.reason)}</span>` : undefined;
  const note = since || reason ? `<p class="status-note">${[since, reason].filter(Boolean).join(' — ')}</p>` : '';
  const tags = (entry?.tags ?? []).map((tag) =>
    `<span class="user-tag">#${escapeHtml(tag)}${interactive ? button('removeTag', tag, '×', { class: 'remove', title: `Remove the tag “${tag}”`, 'aria-label': `Remove the tag ${tag}` }) : ''}</span>`);
  const add = interactive ? button('addTag', '', '+ Add tag', { class: 'add-tag', title: 'Tag this paper' }) : '';
  const tagLine = tags.length || add ? `<p class="tags">${[...tags, add].join(' ')}</p>` : '';
  return `<section class="reading-card" aria-label="Reading status and tags">
<h2>Reading</h2>
${statuses}
${note}
${tagLine}
</section>`;
}

/** The nearest papers, each a button that opens its page; `pending` while they are being found. */
export function similarHtml(similar: readonly SimilarPaper[] | 'pending', paperKey: string, interactive: boolean): string {
  let body: string;
  if (similar === 'pending') body = '<p class="muted">Finding similar papers…</p>';
  else if (!similar.length) body = '<p class="muted">No other paper of the library shares enough words with this one.</p>';
  else {
    const items = similar.map((paper) => {
      const title = escapeHtml(displayTitle(paper.title));
      const name = interactive ? button('details', paper.key, title, { class: 'paper-link', title: `Show ${paper.key}` }) : `<span class="paper-link">${title}</span>`;
      const status = statusDot(paper.status, paper.status && STATUS_LABELS[paper.status]);
      const facts = [paper.year !== undefined ? String(paper.year) : undefined, `${Math.round(paper.score * 100)}% alike`].filter(Boolean).join(' · ');
      const why = paper.why.map((word) => `<span class="why-word">${escapeHtml(word)}</span>`).join('');
      return `<li>${status}<div class="similar-body">${name} <span class="similar-facts">${escapeHtml(facts)}</span>${why ? `<div class="why" aria-label="Shared words">${why}</div>` : ''}</div></li>`;
    });
    const more = interactive ? `<p>${button('similar', paperKey, 'More similar papers…', { class: 'more-link' })}</p>` : '';
    body = `<ol class="similar">${items.join('')}</ol>${more}`;
  }
  return `<section class="similar-papers">
<h2>Similar papers</h2>
${body}
</section>`;
}

/**
 * The page's one script: each button posts its action and value, nothing else. It also keeps
 * the page's scroll itself: the editor carries the last page's offset over to the next one,
 * which opened a similar paper's page at its end. A page of another paper starts at its top; a
 * page drawn again for the same paper (a new status, its formatted reference) stays where it was.
 */
export function detailsScript(nonce: string, paperKey: string): string {
  return `<script nonce="${escapeHtml(nonce)}">
const vscode = acquireVsCodeApi();
const key = ${JSON.stringify(paperKey).replace(/</g, '\\u003c')};
const saved = vscode.getState();
const y = saved && saved.key === key ? saved.y || 0 : 0;
vscode.setState({ key, y });
// After every other handler of the load: the editor's own restoring comes first, then this.
window.addEventListener('load', () => setTimeout(() => {
  window.scrollTo(0, y);
  window.addEventListener('scroll', () => vscode.setState({ key, y: window.scrollY }), { passive: true });
}, 0));
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ type: target.getAttribute('data-action'), value: target.getAttribute('data-value') || '' });
});
</script>`;
}

// Status colours from the charts palette, as in the Papers view's icons.
export const READING_STYLE = `
.reading-card { margin: 1.4em 0 0; }
.reading-card h2, .similar-papers h2 { margin-top: 1.6em; }
.statuses {
  display: inline-grid; grid-template-columns: repeat(4, auto); gap: 1px; border-radius: 6px; overflow: hidden;
  background: var(--vscode-widget-border, var(--vscode-panel-border, transparent)); border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent));
}
.statuses button.status {
  font: inherit; color: var(--vscode-foreground); background: var(--vscode-editor-background); border: none; padding: 0.3em 0.9em; cursor: pointer;
  display: inline-flex; align-items: center; gap: 0.45em; white-space: nowrap;
}
.statuses button.status:hover { background: var(--vscode-list-hoverBackground); }
.statuses button.status.current { background: var(--vscode-button-background); color: var(--vscode-button-foreground); font-weight: 600; }
.status-dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; flex: none; }
.status-dot.is-to-read { background: var(--vscode-charts-orange); }
.status-dot.is-reading { background: var(--vscode-charts-blue); }
.status-dot.is-read { background: var(--vscode-charts-green); }
.status-dot.is-excluded { background: var(--vscode-disabledForeground); }
.status-text { display: flex; align-items: center; gap: 0.45em; }
.status-note { color: var(--vscode-descriptionForeground); margin: 0.5em 0 0; }
.status-note .reason { font-style: italic; }
.tags { margin: 0.7em 0 0; display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; }
.user-tag {
  display: inline-flex; align-items: center; gap: 0.2em; padding: 0 0.3em 0 0.6em; border-radius: 1em; font-size: 0.9em;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground);
}
.user-tag button.remove { font: inherit; background: none; border: none; color: inherit; cursor: pointer; padding: 0 0.3em; opacity: 0.7; }
.user-tag button.remove:hover { opacity: 1; }
button.add-tag, button.more-link {
  font: inherit; font-size: 0.9em; cursor: pointer; padding: 0.1em 0.7em; border-radius: 1em;
  background: none; color: var(--vscode-textLink-foreground); border: 1px dashed var(--vscode-textLink-foreground);
}
button.more-link { border: none; padding: 0; font-size: 1em; }
button.add-tag:hover, button.more-link:hover { color: var(--vscode-textLink-activeForeground); }
.muted { color: var(--vscode-descriptionForeground); }
ol.similar { list-style: none; padding: 0; margin: 0; }
ol.similar li {
  display: grid; grid-template-columns: 0.6em minmax(0, 1fr); column-gap: 0.6em; align-items: start;
  padding: 0.5em 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent));
}
ol.similar li:last-child { border-bottom: none; }
ol.similar .status-dot { margin-top: 0.5em; }
button.paper-link, span.paper-link { font: inherit; text-align: left; background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; }
span.paper-link { color: inherit; cursor: auto; }
button.paper-link:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
.similar-facts { color: var(--vscode-descriptionForeground); font-size: 0.9em; margin-left: 0.3em; white-space: nowrap; }
.why { margin-top: 0.3em; display: flex; flex-wrap: wrap; gap: 0.35em; }
.why-word {
  font-size: 0.85em; padding: 0 0.5em; border-radius: 3px;
  background: var(--vscode-textPreformat-background); color: var(--vscode-textPreformat-foreground, var(--vscode-foreground));
}
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;
