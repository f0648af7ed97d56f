// What one can do with a paper of the tree (or, from the Command Palette, a paper one picks):
// copy its key or BibTeX, open its page, find it in its listing, move it to another topic.
import * as vscode from 'vscode';
import { bibtexEntry } from '../shared/entries';
import type { Paper } from '../../core/paper/paper';
import { paperLinks } from '../../core/paper/links';
import type { TopicOverrides } from '../../core/topics';
import { allTopicNames, topicsHolding, type GroupNode } from '../../core/views/treeModel';
import type { Services } from '../shared/services';
import { paperToUse } from '../shared/commandPapers';
import { COMMANDS } from '../../vscode/ids';

export function registerPaperCommands(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.copyKey, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Copy Citation Key');
      if (!paper) return undefined;
      await vscode.env.clipboard.writeText(paper.key);
      vscode.window.setStatusBarMessage(`$(check) Copied ${paper.key}`, 3000);
      return paper.key;
    }),
    vscode.commands.registerCommand(COMMANDS.copyBibtex, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Copy BibTeX');
      if (!paper) return undefined;
      const entry = bibtexEntry(paper, services.config.settings);
      await vscode.env.clipboard.writeText(entry);
      vscode.window.setStatusBarMessage(`$(check) Copied the BibTeX entry of ${paper.key}`, 3000);
      return entry;
    }),
    vscode.commands.registerCommand(COMMANDS.copyFormattedReference, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Copy Formatted Reference');
      if (!paper) return undefined;
      try {
        const [reference] = await services.references.format([paper]);
        await vscode.env.clipboard.writeText(reference ?? '');
        vscode.window.setStatusBarMessage(`$(check) Copied the reference of ${paper.key} (${services.config.settings.citationStyle})`, 3000);
        return reference;
      } catch (error) {
        void vscode.window.showErrorMessage(`Lit Review: could not format the reference: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.openLink, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Open Link');
      return paper ? openLink(paper) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.revealInListing, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Reveal in Listing');
      return paper ? revealInListing(services, paper) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.moveToTopic, async (argument?: unknown, topicName?: unknown) => {
      const paper = await paperToUse(services, argument, 'Move to Topic');
      return paper ? moveToTopic(services, paper, typeof topicName === 'string' ? topicName : undefined) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.renameTopic, async (argument?: unknown, newName?: unknown) => {
      const name = topicNameOf(argument) ?? (await pickTopic(services, 'Rename Topic'));
      return name ? renameTopic(services, name, typeof newName === 'string' ? newName : undefined) : undefined;
    }),
  ];
}

/** Opens the paper's page: the only one at once, else the one the user picks (arXiv first). */
async function openLink(paper: Paper): Promise<string | undefined> {
  const links = paperLinks(paper);
  if (!links.length) {
    void vscode.window.showInformationMessage(`Lit Review: "${paper.title}" has no web link in its listings.`);
    return undefined;
  }
  let url = links[0]!.url;
  if (links.length > 1) {
    const picked = await vscode.window.showQuickPick(
      links.map((link) => ({ label: link.label, description: link.url, url: link.url })),
      { title: `Open Link: ${paper.title}`, placeHolder: 'Which page?' },
    );
    if (!picked) return undefined;
    url = picked.url;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
  return url;
}

/** Opens the listing the paper was first read from, its title line selected in the middle of the editor. */
async function revealInListing(services: Services, paper: Paper): Promise<string | undefined> {
  const source = paper.sources[0]!;
  const uri = services.library.uriOf(source.file);
  if (!uri) {
    void vscode.window.showWarningMessage(`Lit Review: the listing ${source.file} is no longer in the library folders.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const line = Math.min(source.line, document.lineCount) - 1;
  const range = document.lineAt(line).range;
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Selection(range.start, range.end), preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return uri.toString();
}

const NEW_TOPIC = 'New topic…';

/** Puts the paper in one topic, by hand: the move outlives every reindex. */
async function moveToTopic(services: Services, paper: Paper, given?: string): Promise<string | undefined> {
  let name = given?.trim();
  if (!name) {
    const current = new Set(topicsHolding(services.library.topics(), paper.key));
    const items: vscode.QuickPickItem[] = [
      { label: NEW_TOPIC, iconPath: new vscode.ThemeIcon('add'), alwaysShow: true },
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...allTopicNames(services.library.topics()).map((topic) => ({ label: topic, description: current.has(topic) ? 'current' : undefined })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `Move "${paper.title}" to Topic`, placeHolder: 'Choose a topic, or make a new one' });
    if (!picked) return undefined;
    name = picked.label === NEW_TOPIC ? (await askTopicName('New Topic', '', `Name of the topic for "${paper.title}"`))?.trim() : picked.label;
    if (!name) return undefined;
  }
  const overrides = services.library.overrides();
  return saveOverrides(services, { ...overrides, moves: { ...overrides.moves, [paper.key]: [name] } }, name);
}

async function renameTopic(services: Services, oldName: string, given?: string): Promise<string | undefined> {
  const name = (given ?? (await askTopicName('Rename Topic', oldName, `New name for "${oldName}"`)))?.trim();
  if (!name || name === oldName) return undefined;
  const overrides = services.library.overrides();
  // Renames chain (a -> b -> c), so naming the shown name is enough, even for a topic renamed before.
  return saveOverrides(services, { ...overrides, renames: { ...overrides.renames, [oldName]: name } }, name);
}

async function saveOverrides(services: Services, overrides: TopicOverrides, result: string): Promise<string | undefined> {
  try {
    await services.library.saveOverrides(overrides);
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(`Lit Review: could not save the topic change: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function askTopicName(title: string, value: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    value,
    prompt,
    validateInput: (text) => (text.trim() ? undefined : 'A topic needs a name.'),
  });
}

function topicNameOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  const topic = (argument as Partial<GroupNode> | undefined)?.topic;
  return topic?.name;
}

function pickTopic(services: Services, title: string): Thenable<string | undefined> {
  return vscode.window.showQuickPick(allTopicNames(services.library.topics()), { title, placeHolder: 'Which topic?' });
}
