// A paper as an HTML page for a webview. Every piece of listing text is escaped, only
// http(s) links become anchors, and the page runs at most one script, its own, by a nonce
// (none without one): the strict content security policy below is the second lock on the door.
import type { Paper } from '../paper/paper';
import type { ReadingEntry } from '../reading/status';
import { paperLinks } from '../paper/links';
import { byline, compactCount } from './paperSummary';
import { displayTitle } from './displayTitle';
import { escapeHtml } from './htmlEscape';
import { detailsScript, READING_STYLE, readingHtml, similarHtml, type SimilarPaper } from './detailsReading';

export { escapeHtml } from './htmlEscape';
export type { SimilarPaper } from './detailsReading';

export interface DetailsPageOptions {
  /** The webview's own origin (`webview.cspSource`), allowed for styles. */
  cspSource: string;
  /** The paper's BibTeX entry, shown as text. */
  bibtex?: string;
  /** The paper formatted in a citation style, as plain text, with the style's name. */
  reference?: { text: string; style: string };
  /** Names of the topics the paper is in. */
  topics?: readonly string[];
  /** The places notes cite the paper: `notes/draft.md:12`, each a link when it has a command URI of Lit Review's own. */
  citedIn?: readonly CitedPlace[];
  /** The paper's reading status and tags: given (even with no entry), the page shows them. */
  reading?: { entry?: ReadingEntry };
  /** The papers most like this one, or `pending` while they are found. */
  similar?: readonly SimilarPaper[] | 'pending';
  /** Lets the page's one script run: its buttons post messages (set a status, open a paper). */
  scriptNonce?: string;
}

export interface CitedPlace {
  /** `notes/draft.md:12`. */
  label: string;
  /** `command:litReview.openCitation?…`; anything else is not linked. */
  href?: string;
  /** The locator the citation gives (`p. 3`). */
  locator?: string;
}

/** The only command a details page may link to: the webview allows it alone. */
const CITATION_LINK = /^command:litReview\.openCitation\?/;

/** Authors shown before the rest fold away under "and N more". */
const AUTHORS_SHOWN = 12;

export function renderPaperDetails(paper: Paper, options: DetailsPageOptions): string {
  const nonce = options.scriptNonce;
  const interactive = nonce !== undefined;
  const csp = `default-src 'none'; style-src 'unsafe-inline' ${options.cspSource}${interactive ? `; script-src 'nonce-${nonce}'` : ''}`;
  const aside = [options.reading ? readingHtml(options.reading.entry, interactive) : '', options.similar ? similarHtml(options.similar, paper.key, interactive) : ''].filter(Boolean).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(displayTitle(paper.title))}</title>
<style>${STYLE}${aside ? READING_STYLE + ASIDE_LAYOUT : ''}</style>
</head>
<body>
<article${aside ? ' class="has-aside"' : ''}>
<header>
<h1>${escapeHtml(displayTitle(paper.title))}</h1>
${peopleHtml(paper)}
${factsHtml(paper)}
${linksHtml(paper)}
</header>
${aside ? `<aside class="aside">\n${aside}\n</aside>\n<div class="main">` : ''}
${identifiersHtml(paper, options.topics ?? paper.topics)}
${options.citedIn?.length ? section('Cited in', citedInHtml(options.citedIn), 'cited-in') : ''}
${paper.abstract ? section('Abstract', paragraphs(paper.abstract), 'abstract') : ''}
${options.reference ? section(`Reference (${options.reference.style})`, `<p class="reference">${escapeHtml(options.reference.text)}</p>`, 'reference') : ''}
${options.bibtex ? section('BibTeX', `<pre class="bibtex"><code>${escapeHtml(options.bibtex.trimEnd())}</code></pre>`, 'bibtex-entry') : ''}
${section(paper.sources.length === 1 ? 'Source' : 'Sources', sourcesHtml(paper), 'source-files')}
${aside ? '</div>' : ''}
</article>
${interactive ? detailsScript(nonce, paper.key) : ''}
</body>
</html>
`;
}

function section(title: string, body: string, className = ''): string {
  return `<section${className ? ` class="${className}"` : ''}>
<h2>${escapeHtml(title)}</h2>
${body}
</section>`;
}

function peopleHtml(paper: Paper): string {
  const names = paper.authors;
  const org = paper.organization ? `<span class="organization">${escapeHtml(paper.organization)}</span>` : '';
  if (!names.length) {
    const line = byline(paper);
    return line ? `<p class="authors">${org || escapeHtml(line)}</p>` : '';
  }
  const shown = names.slice(0, AUTHORS_SHOWN).map(escapeHtml).join(', ');
  const rest = names.slice(AUTHORS_SHOWN);
  // <details> folds a long author list without any script.
  const more = rest.length
    ? ` <details><summary>and ${rest.length} more</summary>${rest.map(escapeHtml).join(', ')}</details>`
    : paper.authorCount && paper.authorCount > names.length ? ` and ${paper.authorCount - names.length} more` : '';
  return `<p class="authors">${shown}${more}${org ? ` · ${org}` : ''}</p>`;
}

function factsHtml(paper: Paper): string {
  const facts: string[] = [];
  const when = paper.date ? formatLongDate(paper.date) : paper.year !== undefined ? String(paper.year) : undefined;
  if (when) facts.push(`<span class="date">${escapeHtml(when)}</span>`);
  if (paper.venue) facts.push(`<span class="venue">${escapeHtml(paper.venue)}</span>`);
  if (paper.upvotes !== undefined) {
    facts.push(`<span class="badge" title="${paper.upvotes} upvotes">▲ ${escapeHtml(compactCount(paper.upvotes))} upvotes</span>`);
  }
  return facts.length ? `<p class="facts">${facts.join('<span class="dot" aria-hidden="true">·</span>')}</p>` : '';
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-03-04" -> "4 March 2025"; a month or a year alone stays as precise as it was. */
export function formatLongDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTH_NAMES[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

function linksHtml(paper: Paper): string {
  const links = paperLinks(paper);
  if (!links.length) return '';
  const anchors = links.map((link) => `<a class="link" href="${escapeHtml(link.url)}" title="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a>`);
  return `<nav class="links" aria-label="Links">${anchors.join('')}</nav>`;
}

function identifiersHtml(paper: Paper, topics: readonly string[]): string {
  const rows: Array<[string, string]> = [['Key', `<code>${escapeHtml(paper.key)}</code>`]];
  if (paper.aliases?.length) rows.push(['Also cited as', paper.aliases.map((alias) => `<code>${escapeHtml(alias)}</code>`).join(' ')]);
  const published = publishedIn(paper);
  if (published) rows.push(['Published', escapeHtml(published)]);
  if (paper.arxivId) rows.push(['arXiv', `<code>${escapeHtml(paper.arxivId)}</code>`]);
  if (paper.doi) rows.push(['DOI', `<code>${escapeHtml(paper.doi)}</code>`]);
  if (topics.length) rows.push([topics.length === 1 ? 'Topic' : 'Topics', topics.map((topic) => `<span class="tag">${escapeHtml(topic)}</span>`).join(' ')]);
  if (paper.keywords.length) rows.push(['Keywords', escapeHtml(paper.keywords.join(', '))]);
  return `<dl class="identifiers">${rows.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/** A preprint that the library also knows in its published form says where it was published. */
function publishedIn(paper: Paper): string | undefined {
  if (!paper.arxivId || !(paper.doi && !paper.doi.startsWith('10.48550/')) && !paper.venue) return undefined;
  if (paper.venue && /\barxiv\b/i.test(paper.venue)) return undefined;
  const where = paper.venue ?? `DOI ${paper.doi}`;
  return `Preprint arXiv:${paper.arxivId}, published in ${where}${paper.year ? ` (${paper.year})` : ''}`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeHtml(part)}</p>`)
    .join('\n');
}

function citedInHtml(places: readonly CitedPlace[]): string {
  const items = places.map((place) => {
    const label = `<code>${escapeHtml(place.label)}</code>`;
    const linked = place.href && CITATION_LINK.test(place.href) ? `<a href="${escapeHtml(place.href)}" title="Open the note at this citation">${label}</a>` : label;
    return `<li>${linked}${place.locator ? ` <span class="locator">${escapeHtml(place.locator)}</span>` : ''}</li>`;
  });
  return `<ul class="sources">${items.join('')}</ul>`;
}

function sourcesHtml(paper: Paper): string {
  const items = paper.sources.map((source) => `<li><code>${escapeHtml(source.file)}:${source.line}</code></li>`);
  return `<ul class="sources">${items.join('')}</ul>`;
}

/**
 * With a reading card and similar papers: beside the paper in a wide editor, a column of their
 * own; in a narrow one, the card under the title and the similar papers after the abstract.
 */
const ASIDE_LAYOUT = `
article.has-aside { display: flex; flex-direction: column; }
article.has-aside > .aside, article.has-aside > .main { display: contents; }
article.has-aside > header { order: 0; }
.reading-card { order: 1; }
.identifiers { order: 2; }
.cited-in { order: 3; }
.abstract { order: 4; }
.similar-papers { order: 5; }
.reference { order: 6; }
.bibtex-entry { order: 7; }
.source-files { order: 8; }
@media (min-width: 60rem) {
  article.has-aside {
    display: grid; max-width: 74rem; grid-template-columns: minmax(0, 1fr) 20rem; column-gap: 3rem;
    grid-template-areas: "header header" "main aside"; align-items: start;
  }
  article.has-aside > header { grid-area: header; }
  article.has-aside > .main { display: block; grid-area: main; }
  article.has-aside > .aside { display: block; grid-area: aside; padding-left: 1.5rem; border-left: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent)); }
  .aside .reading-card { margin-top: 1.6em; }
  .aside .reading-card h2 { margin-top: 0; }
  /* Two by two: four statuses side by side do not fit the column. */
  .aside .statuses { display: grid; grid-template-columns: 1fr 1fr; }
}
`;

// Theme variables make the page look native in light, dark and high-contrast themes.
const STYLE = `
:root { color-scheme: light dark; }
body {
  color: var(--vscode-foreground);
  background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  line-height: 1.55;
  margin: 0;
  padding: 28px 32px 48px;
}
article { max-width: 46rem; margin: 0 auto; }
h1 {
  font-size: 1.6em;
  line-height: 1.3;
  font-weight: 600;
  margin: 0 0 0.5em;
  letter-spacing: -0.01em;
}
h2 {
  font-size: 0.8em;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--vscode-descriptionForeground);
  margin: 2em 0 0.6em;
}
p { margin: 0 0 0.8em; }
.authors { font-size: 1.05em; margin-bottom: 0.35em; }
.authors details { display: inline; }
.authors summary { display: inline; cursor: pointer; color: var(--vscode-textLink-foreground); }
.organization { font-weight: 600; }
.facts { color: var(--vscode-descriptionForeground); display: flex; flex-wrap: wrap; align-items: center; gap: 0 0.5em; }
.dot { opacity: 0.6; }
.badge, .tag {
  display: inline-block;
  padding: 0 0.55em;
  border-radius: 1em;
  font-size: 0.9em;
  background: var(--vscode-badge-background);
  color: var(--vscode-badge-foreground);
}
.links { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 1em 0 0; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
a.link {
  text-decoration: none;
  padding: 0.2em 0.8em;
  border-radius: 4px;
  border: 1px solid var(--vscode-button-border, var(--vscode-widget-border, transparent));
  background: var(--vscode-button-secondaryBackground);
  color: var(--vscode-button-secondaryForeground);
}
a.link:hover { background: var(--vscode-button-secondaryHoverBackground); color: var(--vscode-button-secondaryForeground); }
a:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.identifiers {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.3em 1.2em;
  margin: 1.6em 0 0;
  padding: 0.9em 1em;
  border-radius: 6px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, transparent));
}
.identifiers dt { color: var(--vscode-descriptionForeground); }
.identifiers dd { margin: 0; overflow-wrap: anywhere; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
code {
  background: var(--vscode-textPreformat-background);
  color: var(--vscode-textPreformat-foreground);
  padding: 0.05em 0.35em;
  border-radius: 3px;
}
pre code { background: none; color: inherit; padding: 0; border-radius: 0; }
pre {
  background: var(--vscode-textCodeBlock-background);
  padding: 0.9em 1em;
  border-radius: 6px;
  overflow-x: auto;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  margin: 0;
}
.sources { list-style: none; padding: 0; margin: 0; }
.sources li { margin: 0.2em 0; color: var(--vscode-descriptionForeground); }
.cited-in a code { color: var(--vscode-textLink-foreground); }
.cited-in .locator { color: var(--vscode-descriptionForeground); margin-left: 0.4em; }
`;
