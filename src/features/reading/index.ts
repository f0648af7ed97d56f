// The reading workflow: a reading status and free tags for each paper (kept in the library
// folder's reading list), "Next to Read", papers similar to a paper or to the note being
// written, and a chart of the library.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { displayTitle } from '../../core/views/displayTitle';
import { readingDescription, readingOf, STATUS_ICONS } from '../../core/reading/display';
import type { SimilarHit } from '../../core/reading/similar';
import { isoDay, nextToRead, parseStatus, READING_STATUSES, STATUS_LABELS, tagCounts, type ReadingChange, type ReadingStatus } from '../../core/reading/status';
import { COMMANDS } from '../../vscode/ids';
import { papersToUse, paperToUse } from '../shared/commandPapers';
import { askExclusionReason } from '../shared/exclusionReason';
import type { FeatureActivator, Services } from '../shared/services';
import { similarityIndexOf } from '../shared/similarIndex';
import { LibraryChartPanel } from './chartPanel';

interface PaperItem extends vscode.QuickPickItem {
  key: string;
}

export const activate: FeatureActivator = (services) => {
  const store = services.reading;
  const chart = new LibraryChartPanel(services);
  const choose = (args: unknown[], title: string) => papersToUse(services, args.slice(0, 2), `Lit Review: ${title}`, 'Type to search papers by title, author, key or arXiv id');

  const change = async (papers: readonly Paper[], what: Omit<ReadingChange, 'today'>): Promise<string[]> => {
    const keys = papers.map((paper) => paper.key);
    await store.change(keys, { ...what, today: isoDay(new Date()) });
    vscode.window.setStatusBarMessage(`Lit Review: ${keys.length === 1 ? keys[0] : `${keys.length} papers`} updated`, 3000);
    return keys;
  };

  services.context.subscriptions.push(
    chart,
    // (clicked, selected[]) from the Papers view; a third argument names the status, a fourth the reason.
    vscode.commands.registerCommand(COMMANDS.setReadingStatus, async (...args: unknown[]) => {
      const papers = await choose(args, 'Set Reading Status');
      if (!papers.length) return undefined;
      const list = await store.current();
      let status = typeof args[2] === 'string' ? parseStatus(args[2]) : undefined;
      if (!status) {
        const current = new Set(papers.map((paper) => readingOf(list, paper)?.status));
        const picked = await vscode.window.showQuickPick(
          READING_STATUSES.map((value) => ({ label: `$(${STATUS_ICONS[value]}) ${STATUS_LABELS[value]}`, description: current.size === 1 && current.has(value) ? 'current' : undefined, value })),
          { title: `Set Reading Status of ${papers.length === 1 ? papers[0]!.key : `${papers.length} papers`}`, placeHolder: 'To read, reading, read or excluded' },
        );
        status = picked?.value;
      }
      if (!status) return undefined;
      let reason = typeof args[3] === 'string' ? args[3] : undefined;
      if (status === 'excluded' && reason === undefined && typeof args[2] !== 'string') {
        reason = await askExclusionReason();
        if (reason === undefined) return undefined;
      }
      return change(papers, { status, reason });
    }),
    vscode.commands.registerCommand(COMMANDS.addTag, async (...args: unknown[]) => {
      const papers = await choose(args, 'Add Tag');
      if (!papers.length) return undefined;
      const tag = typeof args[2] === 'string' ? args[2] : await pickTag(tagCounts(await store.current()).map((t) => `${t.tag}`), 'Add Tag', 'A tag: pick one in use or type a new one');
      if (!tag?.trim()) return undefined;
      return change(papers, { addTags: [tag] });
    }),
    vscode.commands.registerCommand(COMMANDS.removeTag, async (...args: unknown[]) => {
      const papers = await choose(args, 'Remove Tag');
      if (!papers.length) return undefined;
      const list = await store.current();
      const theirs = [...new Set(papers.flatMap((paper) => readingOf(list, paper)?.tags ?? []))];
      const tag = typeof args[2] === 'string' ? args[2] : theirs.length ? (await vscode.window.showQuickPick(theirs, { title: 'Remove Tag' })) : undefined;
      if (!theirs.length && typeof args[2] !== 'string') void vscode.window.showInformationMessage('These papers have no tags.');
      if (!tag) return undefined;
      return change(papers, { removeTags: [tag] });
    }),
    vscode.commands.registerCommand(COMMANDS.nextToRead, async () => {
      const library = await services.library.whenIndexed().catch(() => services.library.current);
      const list = await store.reload();
      const items: PaperItem[] = nextToRead(list).flatMap((entry) => {
        const paper = library.byKey(entry.key);
        return paper ? [{ key: paper.key, label: `$(${STATUS_ICONS['to-read']}) ${displayTitle(paper.title)}`, description: `${paper.key}${entry.date ? ` · marked ${entry.date}` : ''}`, detail: readingDescription(entry, { status: false }) || undefined }] : [];
      });
      showPapers(items, 'Next to Read', items.length ? 'Papers marked "to read", oldest first' : 'No paper is marked "to read" yet: Set Reading Status marks one');
      return items.map((item) => item.key);
    }),
    vscode.commands.registerCommand(COMMANDS.similarPapers, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Similar Papers');
      if (!paper) return undefined;
      const hits = similarityIndexOf(await services.library.whenIndexed().catch(() => services.library.current)).similarToPaper(paper.key, { limit: 20 });
      showPapers(await similarItems(services, hits), `Papers Like ${paper.key}`, `Ranked by the words of titles and abstracts they share with "${paper.title}"`);
      return hits;
    }),
    vscode.commands.registerCommand(COMMANDS.papersLikeThisNote, async (text?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const given = typeof text === 'string' ? text : editor && (editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection));
      if (!given?.trim()) {
        void vscode.window.showInformationMessage('Open a note (or select some of its text) to find the papers like it.');
        return undefined;
      }
      const hits = similarityIndexOf(await services.library.whenIndexed().catch(() => services.library.current)).similarToText(given, { limit: 20 });
      showPapers(await similarItems(services, hits), 'Papers Like This Note', hits.length ? 'Ranked by the words of titles and abstracts they share with the note' : 'No paper shares a word with this note');
      return hits;
    }),
    vscode.commands.registerCommand(COMMANDS.showLibraryChart, async () => {
      await services.library.whenIndexed().catch(() => undefined);
      services.library.topics();
      return chart.show();
    }),
    vscode.commands.registerCommand(COMMANDS.exportLibraryChart, async (target?: unknown) => {
      await services.library.whenIndexed().catch(() => undefined);
      services.library.topics();
      return (await chart.exportSvg(target instanceof vscode.Uri ? target : undefined))?.toString();
    }),
  );
};

/** A quick pick of papers; choosing one opens its details. Not awaited: the command returns what it shows. */
function showPapers(items: PaperItem[], title: string, placeholder: string): void {
  const pick = vscode.window.createQuickPick<PaperItem>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.items = items;
  pick.matchOnDescription = true;
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void vscode.commands.executeCommand(COMMANDS.showDetails, chosen.key);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

/** A tag from those in use, or the text typed as a new one. */
async function pickTag(inUse: readonly string[], title: string, placeholder: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.title = title;
  pick.placeholder = placeholder;
  const used = inUse.map((label) => ({ label }));
  pick.items = used;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items = typed && !inUse.some((tag) => tag.toLowerCase() === typed.toLowerCase()) ? [{ label: typed, description: 'new tag' }, ...used] : used;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Similar papers as rows of a quick pick: how alike, and the words that make them so. */
async function similarItems(services: Services, hits: readonly SimilarHit[]): Promise<PaperItem[]> {
  const list = await services.reading.current();
  const library = services.library.current;
  return hits.flatMap((hit) => {
    const paper = library.byKey(hit.key);
    if (!paper) return [];
    const entry = readingOf(list, paper);
    const status: ReadingStatus | undefined = entry?.status;
    return [{
      key: paper.key,
      label: `${status ? `$(${STATUS_ICONS[status]}) ` : ''}${displayTitle(paper.title)}`,
      description: `${Math.round(hit.score * 100)}% · ${paper.key}`,
      detail: `$(symbol-keyword) ${hit.why.join(', ')}${entry?.tags.length ? `   ${entry.tags.map((tag) => `#${tag}`).join(' ')}` : ''}`,
    }];
  });
}
