import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatBibtexEntry } from '../../src/core/bibtex/write';
import type { Paper } from '../../src/core/paper/paper';
import type { LitReviewApi } from '../../src/extension';
import type { CitationPicker } from '../../src/features/cite/insertCitation';
import type { SearchPicker } from '../../src/features/search';
import { EXAMPLE_LISTING, EXAMPLE_PAPER_COUNT, activateExtension, workspaceUri, closeAllEditors, showWithCursor } from './workspace';
import { until, within } from './waiting';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Files this suite wrote, removed after each test. */
const written = new Set<string>();
let fileCount = 0;

/**
 * A file name not used before in this run: the editor keeps a closed document's model for a
 * while, so a name reused with new text could show the old text.
 */
function fresh(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-${++fileCount}${name.slice(dot)}`;
}

async function writeText(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  written.add(relativePath);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

/** Waits until the editor has told the picker which row has the focus. */
async function activeKey(picker: { quickPick: vscode.QuickPick<vscode.QuickPickItem> }): Promise<string | undefined> {
  const active = await until(() => picker.quickPick.activeItems, (items) => items.length > 0, 'a focused row');
  return (active[0] as { paper?: Paper }).paper?.key;
}

async function readBytes(relativePath: string): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(workspaceUri(relativePath));
}

/** Opens a workspace file (written first) in an editor, with the cursor at `offset` (default: the end). */
async function openNote(relativePath: string, text: string, offset = text.length): Promise<vscode.TextEditor> {
  return showWithCursor(await vscode.workspace.openTextDocument(await writeText(relativePath, text)), offset);
}

async function openUntitled(language: string, text: string, offset = text.length): Promise<vscode.TextEditor> {
  return showWithCursor(await vscode.workspace.openTextDocument({ language, content: text }), offset);
}

const accept = (): Promise<unknown> => within(vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), 'Enter');

async function typeQuery(picker: { quickPick: vscode.QuickPick<vscode.QuickPickItem>; settled(): Promise<void> }, query: string): Promise<void> {
  picker.quickPick.value = query;
  await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.value), (value) => value === query, `the query "${query}"`);
  await within(picker.settled(), 'the rows');
}


describe('citing while writing', function () {
  // Each test drives the real workbench, which is slow on a busy machine.
  this.timeout(180_000);
  let api: LitReviewApi;
  let paper: (key: string) => Paper;

  before(async () => {
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
    paper = (key) => {
      const found = api.library().byKey(key);
      if (!found) throw new Error(`no paper ${key}`);
      return found;
    };
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace.getConfiguration('litReview').update('syncBibliography', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of [...written, 'references.bib', 'notes/tex-refs.bib', 'notes/ssrl2025.md']) await vscode.workspace.fs.delete(workspaceUri(file)).then(undefined, () => undefined);
    written.clear();
  });

  describe('Insert Citation', () => {
    it('adds each paper chosen with Enter, then inserts them all as one Pandoc citation', async () => {
      const editor = await openNote(fresh('notes/cite.md'), 'Models that search ');
      const picker = await vscode.commands.executeCommand<CitationPicker>('litReview.insertCitation');
      await within(picker.settled(), 'the rows');

      await typeQuery(picker, 'ssrl');
      assert.equal(await activeKey(picker), 'ssrl2025');
      await accept();
      await until(() => picker.chosen().length, (count) => count === 1, 'the first paper chosen');
      await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.items[0]?.label), (label) => label === '$(quote) Insert 1 citation: [@ssrl2025]', 'the summary row');
      assert.equal(picker.quickPick.value, '', 'the query clears for the next paper');
      assert.ok(picker.quickPick.items.some((item) => item.label.startsWith('$(check) SSRL')), 'the chosen paper is checked');
      assert.equal(picker.quickPick.title, 'Lit Review: Insert Citation (1 chosen)');

      // Enter right after typing: the paper found for what was typed, even before its row shows.
      picker.quickPick.value = 'zerosearch';
      await accept();
      await until(() => picker.chosen().map((chosen) => chosen.key).join(' '), (keys) => keys === 'ssrl2025 zerosearch2025', 'the second paper chosen');
      await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.activeItems[0]?.label), (label) => label === '$(quote) Insert 2 citations: [@ssrl2025; @zerosearch2025]', 'the summary row active');

      // Enter with nothing typed: done; then Enter again skips the page or prefix.
      await accept();
      await until(() => picker.options()?.items.length ?? 0, (count) => count > 0, 'the page-or-prefix step');
      await accept();
      assert.equal(await within(picker.finished, 'the picker to close'), 'inserted');
      assert.equal(editor.document.getText(), 'Models that search [@ssrl2025; @zerosearch2025]');
    });

    it('inserts nothing when the picker is dismissed', async () => {
      const editor = await openNote(fresh('notes/cite.md'), 'Unchanged ');
      const picker = await vscode.commands.executeCommand<CitationPicker>('litReview.insertCitation');
      await typeQuery(picker, 'ssrl');
      assert.equal(await activeKey(picker), 'ssrl2025');
      await accept();
      await until(() => picker.chosen().length, (count) => count === 1, 'a paper chosen');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await within(picker.finished, 'the picker to close'), 'cancelled');
      assert.equal(editor.document.getText(), 'Unchanged ');
    });

    it('adds new keys to the citation around the cursor instead of nesting a second one', async () => {
      const text = 'As shown [@ssrl2025] before.';
      const editor = await openNote(fresh('notes/cite.md'), text, text.indexOf('ssrl') + 2);
      assert.equal(await vscode.commands.executeCommand('litReview.insertCitation', ['zerosearch2025', 'ssrl2025']), 'inserted');
      assert.equal(editor.document.getText(), 'As shown [@ssrl2025; @zerosearch2025] before.');
    });

    it('writes \\cite{a,b} in LaTeX, and extends it from inside', async () => {
      const editor = await openNote(fresh('notes/cite.tex'), 'As shown ');
      assert.equal(editor.document.languageId, 'latex');
      await vscode.commands.executeCommand('litReview.insertCitation', [paper('ssrl2025'), paper('zerosearch2025')]);
      assert.equal(editor.document.getText(), 'As shown \\cite{ssrl2025,zerosearch2025}');
      editor.selection = new vscode.Selection(0, 12, 0, 12);
      await vscode.commands.executeCommand('litReview.insertCitation', { kind: 'paper', paper: paper('deepsearch2025') });
      assert.equal(editor.document.getText(), 'As shown \\cite{ssrl2025,zerosearch2025,deepsearch2025}');
    });

    it('uses the citation templates from the settings', async () => {
      await vscode.workspace.getConfiguration('litReview').update('citationFormat', { markdown: '[see {keys}]', latex: '\\citep{{keys}}' }, vscode.ConfigurationTarget.Workspace);
      try {
        const markdown = await openUntitled('markdown', 'X ');
        await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
        assert.equal(markdown.document.getText(), 'X [see @ssrl2025]');
        const latex = await openUntitled('latex', 'Y ');
        await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
        assert.equal(latex.document.getText(), 'Y \\citep{ssrl2025}');
      } finally {
        await vscode.workspace.getConfiguration('litReview').update('citationFormat', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('is undone in one step, the bibliography it created with it', async () => {
      const editor = await openNote(fresh('notes/cite.md'), 'Before ');
      await vscode.commands.executeCommand('litReview.insertCitation', ['ssrl2025', 'zerosearch2025', 'deepsearch2025']);
      assert.equal(editor.document.getText(), 'Before [@ssrl2025; @zerosearch2025; @deepsearch2025]');
      assert.deepEqual([...decoder.decode(await readBytes('references.bib')).matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]), ['ssrl2025', 'zerosearch2025', 'deepsearch2025']);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), 'Before ');
      await until(() => Promise.resolve(vscode.workspace.fs.stat(workspaceUri('references.bib'))).then(() => true, () => false), (exists) => !exists, 'the file the citation created to go');
    });

    it('says on every row what Enter does: add a paper, or take a chosen one out', async () => {
      await openNote(fresh('notes/cite.md'), 'See ');
      const picker = await vscode.commands.executeCommand<CitationPicker>('litReview.insertCitation');
      await typeQuery(picker, 'ssrl');
      const rows = picker.quickPick.items.filter((item): item is vscode.QuickPickItem & { paper: Paper } => 'paper' in item);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row.detail ?? '', /· Enter: add to the citation( — |$)/, row.label);
      await accept();
      await until(() => picker.chosen().length, (count) => count === 1, 'a paper chosen');
      await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.items.find((item) => (item as { paper?: Paper }).paper?.key === 'ssrl2025')?.detail ?? ''), (detail) => detail.includes('· Enter: take out of the citation'), 'the chosen row’s hint');
      const others = picker.quickPick.items.filter((item) => { const key = (item as { paper?: Paper }).paper?.key; return key && key !== 'ssrl2025'; });
      assert.ok(others.length > 0 && others.every((item) => item.detail?.includes('Enter: add to the citation')));
    });

    it('Search Papers says on every row and in the placeholder what Enter does: cite in the note in front, else show the details', async () => {
      const note = fresh('notes/hint.md');
      await openNote(note, 'See ');
      const name = note.slice(note.lastIndexOf('/') + 1);
      const citing = await vscode.commands.executeCommand<SearchPicker>('litReview.search', 'ssrl');
      await within(citing.settled(), 'the rows');
      assert.equal(citing.quickPick.placeholder, `Search titles, authors, abstracts, keys — Enter cites the paper in ${name}`);
      const rows = citing.quickPick.items.filter((item) => 'paper' in item);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.ok(row.detail?.includes(`· Enter: cite in ${name}`), row.detail);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await within(citing.finished, 'the search to close'), 'cancelled');

      await closeAllEditors();
      const showing = await vscode.commands.executeCommand<SearchPicker>('litReview.search', 'ssrl');
      await within(showing.settled(), 'the rows');
      assert.equal(showing.quickPick.placeholder, 'Search titles, authors, abstracts, keys — Enter shows the paper’s details');
      assert.match(showing.quickPick.items[0]?.detail ?? '', /· Enter: show details — /);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });

    it('copies the citation when the editor in front is neither Markdown nor LaTeX', async () => {
      const editor = await openUntitled('plaintext', 'plain');
      assert.equal(await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025'), 'copied');
      assert.equal(editor.document.getText(), 'plain');
      assert.equal(await vscode.env.clipboard.readText(), '[@ssrl2025]');
    });
  });

  describe('completion, hover and definition', () => {
    async function completionKeys(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference && api.library().byKey(keyOf(item)));
    }

    it('offers the papers cited last first, before anything is typed', async () => {
      await openNote(fresh('notes/recent.md'), 'See ');
      await vscode.workspace.getConfiguration('litReview').update('syncBibliography', false, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('litReview.insertCitation', ['vragrl2025']);
      await vscode.commands.executeCommand('litReview.insertCitation', ['cosmos2025']);
      const editor = await openNote(fresh('notes/recent-next.md'), 'Then [@');
      const items = await completionKeys(editor.document, new vscode.Position(0, 7), '@');
      const ordered = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map(keyOf);
      assert.deepEqual(ordered.slice(0, 2), ['cosmos2025', 'vragrl2025']);
    });

    it('offers every key after `[@`, replacing the whole key being typed', async () => {
      const editor = await openNote(fresh('notes/cite.md'), 'See [@');
      const items = await completionKeys(editor.document, new vscode.Position(0, 6), '@');
      assert.equal(items.length, EXAMPLE_PAPER_COUNT);
      const ssrl = items.find((item) => keyOf(item) === 'ssrl2025')!;
      assert.equal(typeof ssrl.label === 'string' ? undefined : ssrl.label.description, 'SSRL: Self-Search Reinforcement Learning', 'the title stands beside the key');
      assert.deepEqual(ssrl.range, new vscode.Range(0, 6, 0, 6));
      assert.equal(ssrl.detail, `${paper('ssrl2025').title} (2025)`);
      assert.ok(ssrl.filterText?.startsWith('ssrl2025 SSRL') && ssrl.filterText.length <= 128);
      assert.ok(ssrl.documentation instanceof vscode.MarkdownString && !ssrl.documentation.isTrusted);

      await editor.edit((edit) => edit.insert(new vscode.Position(0, 6), 'zerosea]'));
      const typed = await completionKeys(editor.document, new vscode.Position(0, 10));
      const best = [...typed].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0]!;
      assert.equal(keyOf(best), 'zerosearch2025', 'the engine’s best hit sorts first');
      assert.deepEqual(best.range, new vscode.Range(0, 6, 0, 13), 'the range covers the key, not the bracket');
    });

    it('offers keys inside \\cite{ after a comma in LaTeX, and nothing after an e-mail address or in code in Markdown', async () => {
      const tex = await openNote(fresh('notes/cite.tex'), '\\parencite{ssrl2025, ze');
      const items = await completionKeys(tex.document, new vscode.Position(0, 23));
      assert.equal(items.length, EXAMPLE_PAPER_COUNT);
      assert.deepEqual(items[0]!.range, new vscode.Range(0, 21, 0, 23));
      const mail = await openNote(fresh('notes/cite.md'), 'write to me@');
      assert.deepEqual(await completionKeys(mail.document, new vscode.Position(0, 12), '@'), []);
      const code = await openNote(fresh('notes/cite.md'), '```python\n@');
      assert.deepEqual(await completionKeys(code.document, new vscode.Position(1, 1), '@'), [], 'a decorator in a code block');
    });

    it('shows the paper when hovering over a key', async () => {
      const editor = await openNote(fresh('notes/cite.md'), 'As [@ssrl2025] shows.');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 8));
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      const unescaped = text.replace(/\\(.)/g, '$1');
      assert.ok(unescaped.includes(paper('ssrl2025').title), unescaped);
      assert.deepEqual(hovers[0]!.range, new vscode.Range(0, 5, 0, 13));
    });

    it('leads from a key to the line of the listing it came from', async () => {
      const editor = await openNote(fresh('notes/cite.tex'), 'See \\cite{a,zerosearch2025}.');
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, new vscode.Position(0, 16));
      assert.equal(found.length, 1);
      const location = found[0]!;
      const uri = 'uri' in location ? location.uri : location.targetUri;
      const range = 'range' in location ? location.range : location.targetRange;
      assert.ok(uri.path.endsWith(EXAMPLE_LISTING), uri.toString());
      const source = paper('zerosearch2025').sources[0]!;
      assert.equal(range.start.line, source.line - 1);
      const listing = await vscode.workspace.openTextDocument(uri);
      assert.ok(paper('zerosearch2025').title.startsWith(listing.lineAt(range.start.line).text.trim().slice(0, 20)));
    });
  });

  describe('two .bib entries of one paper', () => {
    const DUPLICATES = 'papers/duplicates.bib';
    const BIB = [
      '@article{smith2020a, title = {Learning to Rank Papers Quickly}, author = {Smith, Ann}, year = {2020}, pages = {1--9}}',
      '@article{smith2020rank, title = {Learning to rank papers quickly}, author = {Smith, A.}, year = {2020}, note = {Second copy}}',
      '',
    ].join('\n');

    before(async () => {
      await vscode.workspace.fs.writeFile(workspaceUri(DUPLICATES), encoder.encode(BIB));
      await until(() => api.library().byKey('smith2020rank'), (found) => found !== undefined, 'the merged paper');
    });
    after(async () => {
      await vscode.workspace.fs.delete(workspaceUri(DUPLICATES)).then(undefined, () => undefined);
      await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library again');
    });

    it('cites the paper by either key: completion, hover, definition, no warning, and the entry of the key typed', async () => {
      const merged = paper('smith2020a');
      assert.equal(api.library().byKey('smith2020rank'), merged);
      assert.deepEqual(merged.aliases, ['smith2020rank']);

      const editor = await openNote(fresh('notes/alias.md'), '---\nbibliography: alias-refs.bib\n---\n\nSee [@smith2020r');
      const end = editor.document.lineAt(4).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
      const alias = list.items.find((item) => keyOf(item) === 'smith2020rank');
      assert.ok(alias, 'the alias is offered');
      assert.equal(alias.insertText, 'smith2020rank');

      await editor.edit((edit) => edit.insert(end, 'ank] and more.'));
      const position = new vscode.Position(4, 8);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      assert.match(text.replace(/\\(.)/g, '$1'), /Learning to Rank Papers Quickly/);
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, position);
      assert.equal(found.length, 1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const warnings = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => /smith2020rank/.test(diagnostic.message));
      assert.deepEqual(warnings, [], 'an alias is a known key');

      written.add('notes/alias-refs.bib');
      await vscode.commands.executeCommand(alias.command!.command, ...(alias.command!.arguments ?? []));
      const refs = decoder.decode(await readBytes('notes/alias-refs.bib'));
      assert.equal(refs, formatBibtexEntry(merged, { key: 'smith2020rank' }));
      assert.match(refs, /^@article\{smith2020rank,[^]*note = \{Second copy\}/);
    });
  });

  describe('unknown keys', () => {
    it('never flags a Markdown listing created while the editor runs: it is a listing, not a note', async () => {
      // Checking a note first makes the extension remember which files are listings.
      const note = await openNote(fresh('notes/check.md'), 'See [@ssrl2025].');
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.deepEqual(vscode.languages.getDiagnostics(note.document.uri), []);

      const listing = 'papers/live-list.md';
      written.add(listing);
      await writeText(listing, '# Found this week\n\n- [Listings Written While the Editor Runs](https://arxiv.org/abs/2501.00003), thanks to @alice2099\n');
      await until(() => api.library().papers.some((p) => p.title === 'Listings Written While the Editor Runs'), Boolean, 'the new listing', 20_000);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(listing)));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.message), []);
    });


    it('warns about a key the library does not have, and its quick fix replaces it with the paper found', async () => {
      const editor = await openNote(fresh('notes/unknown.md'), 'See [@zeroserch; @ssrl2025].\n');
      const uri = editor.document.uri;
      const diagnostics = await until(() => vscode.languages.getDiagnostics(uri), (found) => found.length > 0, 'a warning');
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(diagnostics[0]!.range, new vscode.Range(0, 6, 0, 15));
      assert.match(diagnostics[0]!.message, /zeroserch/);

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostics[0]!.range);
      const fix = actions.find((action) => action.title === "Search Lit Review for 'zeroserch'");
      assert.ok(fix?.command, 'the quick fix is offered');
      assert.equal(fix.command.command, 'litReview.search');

      const picker = await vscode.commands.executeCommand<SearchPicker>(fix.command.command, ...(fix.command.arguments ?? []));
      await within(picker.settled(), 'the rows');
      assert.equal(picker.quickPick.value, 'zeroserch');
      assert.equal(await activeKey(picker), 'zerosearch2025', 'a near miss still finds the paper');
      await accept();
      assert.equal(await within(picker.finished, 'the picker to close'), 'replaced');
      assert.equal(editor.document.getText(), 'See [@zerosearch2025; @ssrl2025].\n');
      await until(() => vscode.languages.getDiagnostics(uri), (found) => found.length === 0, 'the warning to go');
    });

    it('waits until the cursor leaves a key being typed before warning about it', async () => {
      const editor = await openNote(fresh('notes/unknown.md'), 'Typing [@madeu');
      const uri = editor.document.uri;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'no warning while the key is typed');
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const found = await until(() => vscode.languages.getDiagnostics(uri), (diagnostics) => diagnostics.length > 0, 'the warning once the cursor moved away');
      assert.deepEqual(found.map((diagnostic) => editor.document.getText(diagnostic.range)), ['madeu']);
    });

    it('accepts keys the note’s bibliography has, and checks again as the note changes', async () => {
      await writeText('references.bib', '@misc{handmade2020,\n  title = {Written by hand}\n}\n');
      const editor = await openNote(fresh('notes/unknown.md'), 'By hand [@handmade2020].\n');
      const uri = editor.document.uri;
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'And [@madeup1999].\n'));
      const found = await until(() => vscode.languages.getDiagnostics(uri), (diagnostics) => diagnostics.length > 0, 'a warning for the new key');
      assert.deepEqual(found.map((diagnostic) => editor.document.getText(diagnostic.range)), ['madeup1999']);
    });
  });

  describe('bibliography sync', () => {
    it('appends the missing entries to the file the front matter names, keeping every existing byte (CRLF, BOM, no final newline, hand edits)', async () => {
      const existing = '\uFEFF% my references\r\n@Article{ SSRL2025 ,\r\n    title={Hand {Edited}}, % keep this\r\n   year=2025}';
      await writeText('notes/sync-refs.bib', existing);
      const before = await readBytes('notes/sync-refs.bib');
      await openNote(fresh('notes/sync.md'), '---\r\ntitle: Sync\r\nbibliography: sync-refs.bib\r\n---\r\n\r\nSee ');
      await vscode.commands.executeCommand('litReview.insertCitation', ['ssrl2025', 'zerosearch2025', 'deepsearch2025']);

      const after = await readBytes('notes/sync-refs.bib');
      assert.deepEqual(after.slice(0, before.length), before, 'every existing byte is kept');
      const added = decoder.decode(after.slice(before.length));
      assert.equal(added, `\r\n\r\n${formatBibtexEntry(paper('zerosearch2025')).trimEnd().replace(/\n/g, '\r\n')}\r\n\r\n${formatBibtexEntry(paper('deepsearch2025')).trimEnd().replace(/\n/g, '\r\n')}\r\n`);
      assert.doesNotMatch(added.replace(/\r\n/g, ''), /\n/, 'CRLF only');
      const folder = await vscode.workspace.fs.readDirectory(workspaceUri('notes'));
      assert.deepEqual(folder.filter(([name]) => name.endsWith('.tmp')), [], 'no temp file left behind');

      // Citing again adds nothing.
      await vscode.commands.executeCommand('litReview.insertCitation', ['zerosearch2025']);
      assert.deepEqual(await readBytes('notes/sync-refs.bib'), after);
    });

    it('appends to the editor, undoably, when the .bib file has unsaved changes', async () => {
      // The web workbench saves after a second by default; this test needs changes that stay unsaved.
      await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
      await writeText('references.bib', '@misc{mine,\n}\n');
      const bib = await vscode.workspace.openTextDocument(workspaceUri('references.bib'));
      const bibEditor = await vscode.window.showTextDocument(bib);
      await bibEditor.edit((edit) => edit.insert(new vscode.Position(2, 0), '% unsaved\n'));
      assert.ok(bib.isDirty);
      const onDisk = await readBytes('references.bib');

      const note = await openNote(fresh('notes/cite.md'), 'See ');
      await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
      assert.equal(bib.getText(), `@misc{mine,\n}\n% unsaved\n\n${formatBibtexEntry(paper('ssrl2025')).trimEnd()}\n`);
      assert.ok(bib.isDirty, 'left unsaved, like the rest of the person’s changes');
      assert.deepEqual(await readBytes('references.bib'), onDisk, 'the file on disk is untouched');

      await vscode.window.showTextDocument(bib);
      await vscode.commands.executeCommand('undo');
      assert.equal(bib.getText(), '@misc{mine,\n}\n% unsaved\n');
      assert.equal(note.document.getText(), 'See ', 'the citation goes with its entry');
    });

    it('makes the citation and its entry one edit: saved to disk, and one undo in the note takes both back', async () => {
      const existing = '\uFEFF% mine\r\n@misc{mine,\r\n  title = {Kept}\r\n}\r\n';
      await writeText('notes/one-edit.bib', existing);
      const before = await readBytes('notes/one-edit.bib');
      const editor = await openNote(fresh('notes/one-edit.md'), '---\nbibliography: one-edit.bib\n---\n\nSee ');
      await vscode.commands.executeCommand('litReview.insertCitation', ['ssrl2025']);
      assert.ok(editor.document.getText().endsWith('See [@ssrl2025]'));
      const after = await readBytes('notes/one-edit.bib');
      assert.deepEqual(after.slice(0, before.length), before, 'every existing byte is kept');
      assert.equal(decoder.decode(after.slice(before.length)), `\r\n${formatBibtexEntry(paper('ssrl2025')).trimEnd().replace(/\n/g, '\r\n')}\r\n`);
      const bib = vscode.workspace.textDocuments.find((document) => document.uri.toString() === workspaceUri('notes/one-edit.bib').toString());
      assert.ok(bib && !bib.isDirty, 'the bibliography is saved');

      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), '---\nbibliography: one-edit.bib\n---\n\nSee ');
      assert.equal(bib.getText(), existing.slice(1), 'the entry is gone from the bibliography too');
    });

    it('appends to the bytes of a file the editor would rewrite on saving (mixed line endings), outside the undo', async () => {
      const existing = '@misc{mine,\r\n  title = {Mixed}\n}\n';
      await writeText('notes/mixed.bib', existing);
      const editor = await openNote(fresh('notes/mixed.md'), '---\nbibliography: mixed.bib\n---\n\nSee ');
      await vscode.commands.executeCommand('litReview.insertCitation', ['ssrl2025']);
      assert.ok(editor.document.getText().endsWith('See [@ssrl2025]'));
      const text = decoder.decode(await readBytes('notes/mixed.bib'));
      assert.ok(text.startsWith(existing), 'the mixed line endings are kept');
      assert.match(text.slice(existing.length), /^\r\n@\w+\{ssrl2025,/);
    });

    it('offers to link a bibliography it created to the note, as one undoable edit of the note', async () => {
      const markdown = await openNote(fresh('notes/link.md'), '# Review\n\nSee ');
      await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
      assert.match(decoder.decode(await readBytes('references.bib')), /^@\w+\{ssrl2025,/);
      assert.equal(await vscode.commands.executeCommand('litReview.linkBibliography', markdown.document.uri, workspaceUri('references.bib')), true);
      assert.equal(markdown.document.getText(), '---\nbibliography: ../references.bib\n---\n\n# Review\n\nSee [@ssrl2025]');
      await vscode.window.showTextDocument(markdown.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(markdown.document.getText(), '# Review\n\nSee [@ssrl2025]');

      const tex = await openNote(fresh('notes/link.tex'), '\\documentclass{article}\n\\usepackage{biblatex}\n\\begin{document}\nSee \\cite{a}.\n\\end{document}\n');
      assert.equal(await vscode.commands.executeCommand('litReview.linkBibliography', tex.document.uri, workspaceUri('references.bib')), true);
      assert.equal(tex.document.getText(), '\\documentclass{article}\n\\usepackage{biblatex}\n\\addbibresource{../references.bib}\n\\begin{document}\nSee \\cite{a}.\n\\printbibliography\n\\end{document}\n');
    });

    it('uses the bibliographyFile setting for a note that names none, and \\addbibresource in LaTeX', async () => {
      await openNote(fresh('notes/cite.md'), 'See ');
      await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
      const references = decoder.decode(await readBytes('references.bib'));
      assert.equal(references, `${formatBibtexEntry(paper('ssrl2025')).trimEnd()}\n`);

      await openNote(fresh('notes/cite.tex'), '\\addbibresource{tex-refs.bib}\nSee ');
      await vscode.commands.executeCommand('litReview.insertCitation', 'zerosearch2025');
      assert.match(decoder.decode(await readBytes('notes/tex-refs.bib')), /^@\w+\{zerosearch2025,/);
    });

    it('leaves the bibliography alone when syncBibliography is off', async () => {
      await vscode.workspace.getConfiguration('litReview').update('syncBibliography', false, vscode.ConfigurationTarget.Workspace);
      await until(() => vscode.workspace.getConfiguration('litReview').get('syncBibliography'), (value) => value === false, 'the setting');
      const editor = await openNote(fresh('notes/cite.md'), 'See ');
      await vscode.commands.executeCommand('litReview.insertCitation', 'ssrl2025');
      assert.equal(editor.document.getText(), 'See [@ssrl2025]');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(workspaceUri('references.bib'))));
    });
  });

  describe('BibTeX entries and notes', () => {
    it('inserts a paper’s whole entry at the cursor, `$`, `}` and `\\` included', async () => {
      const mars = paper('mars2026');
      const entry = formatBibtexEntry(mars).trimEnd();
      assert.match(entry, /\$/, 'the entry has math to escape');
      const editor = await openUntitled('plaintext', '');
      assert.equal(await vscode.commands.executeCommand('litReview.insertBibtexEntry', 'mars2026'), true);
      assert.equal(editor.document.getText(), `${entry}\n`);
    });

    it('creates notes/<key>.md from the template and opens it, never overwriting an existing note', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('litReview.newNote', 'ssrl2025');
      assert.equal(uri.toString(), workspaceUri('notes/ssrl2025.md').toString());
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      assert.ok(text.startsWith('---\ntitle: "SSRL: Self-Search Reinforcement Learning"\nkey: "ssrl2025"\n'), text);
      assert.match(text, /^bibliography: "\.\.\/references\.bib"$/m);
      assert.match(text, /^\[@ssrl2025\]/m);
      for (const heading of ['## Summary', '## Key ideas', '## Notes']) assert.ok(text.includes(`\n${heading}\n`), heading);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line - 1).text, '## Summary');
      assert.match(decoder.decode(await readBytes('references.bib')), /^@\w+\{ssrl2025,/, 'the note’s citation is in its bibliography');

      await writeText('notes/ssrl2025.md', 'my own words');
      await vscode.commands.executeCommand('litReview.newNote', 'ssrl2025');
      assert.equal(decoder.decode(await vscode.workspace.fs.readFile(uri)), 'my own words');
    });
  });
});

/** A completion item's key, whether its label is plain or carries the title beside it. */
function keyOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
