// The Shared Library view: one root, "Shared library (N papers)", the published topics under
// it largest first, nested topics and papers under each. Everything comes from the server a
// page at a time, and a "Load more…" row fetches the next page where a list goes on.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import type { Services } from '../shared/services';
import { sharedTreeItem } from './treeItems';
import type { LoadMoreNode, MessageNode, RootNode, SharedNode, SharedPaperNode, TopicNode } from './treeNodes';

/** Rows fetched at a time: enough to scroll, few enough for a slow link. */
export const TOPICS_PAGE = 50;
export const PAPERS_PAGE = 50;

/** One parent's children as fetched so far. */
interface Loaded {
  topics: TopicNode[];
  topicsTotal: number;
  papers: SharedPaperNode[];
  papersTotal: number;
}

export class SharedLibraryTree implements vscode.TreeDataProvider<SharedNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SharedNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: RootNode = { kind: 'root' };
  /** The library's size on the root row, once the server said it. */
  private papersShown?: number;
  private readonly loaded = new Map<string, Loaded>();
  /** A fetch failed since the last clearing: the tree is fetched again once the server answers. */
  private failed = false;
  private readonly listener: vscode.Disposable;

  constructor(private readonly services: Services) {
    const shared = services.sharedLibrary;
    this.listener = vscode.Disposable.from(
      shared.onDidChangeStatus((state) => {
        if (state.kind === 'off' || state.kind === 'idle' || state.kind === 'restricted' || (state.kind === 'connected' && this.failed)) this.clear();
        else if (state.kind === 'connected' && state.papers !== this.papersShown) this.changed.fire(this.root);
      }),
      // Papers the local library gains are then shown as local ones.
      services.library.onDidChange(() => this.changed.fire(undefined)),
    );
  }

  getTreeItem(node: SharedNode): vscode.TreeItem {
    const state = this.services.sharedLibrary.status;
    if (node.kind === 'root') this.papersShown = state.kind === 'connected' ? state.papers : undefined;
    return sharedTreeItem(node, this.services.library.current, this.papersShown);
  }

  async getChildren(node?: SharedNode): Promise<SharedNode[]> {
    const shared = this.services.sharedLibrary;
    if (!node) return shared.enabled ? [this.root] : [];
    if (node.kind !== 'root' && node.kind !== 'topic') return [];
    if (node.kind === 'root' && this.papersShown === undefined) void shared.stats();
    const loaded = await this.load(node);
    if (!loaded) return [this.failureMessage()];
    const children: SharedNode[] = [...loaded.topics];
    if (loaded.topics.length < loaded.topicsTotal) children.push({ kind: 'more', parent: node, list: 'topics', shown: loaded.topics.length, total: loaded.topicsTotal });
    children.push(...loaded.papers);
    if (loaded.papers.length < loaded.papersTotal) children.push({ kind: 'more', parent: node, list: 'papers', shown: loaded.papers.length, total: loaded.papersTotal });
    if (!children.length) children.push({ kind: 'message', text: node.kind === 'root' ? 'No topics are published yet.' : 'No papers in this topic.' });
    return children;
  }

  /** The next page of a list that goes on (the "Load more…" row). */
  async loadMore(node: LoadMoreNode): Promise<void> {
    const loaded = this.loaded.get(idOf(node.parent));
    if (!loaded) return;
    const id = node.parent.kind === 'topic' ? node.parent.topic.id : undefined;
    if (node.list === 'topics') {
      const page = await this.services.sharedLibrary.topics({ parent: id, offset: loaded.topics.length, limit: TOPICS_PAGE });
      if (!page) return this.fail();
      loaded.topics.push(...page.items.map((topic): TopicNode => ({ kind: 'topic', topic })));
      loaded.topicsTotal = page.total;
    } else if (id !== undefined) {
      const page = await this.services.sharedLibrary.topicPapers(id, { offset: loaded.papers.length, limit: PAPERS_PAGE });
      if (!page) return this.fail();
      loaded.papers.push(...page.items.map((paper): SharedPaperNode => ({ kind: 'paper', paper, parent: id })));
      loaded.papersTotal = page.total;
    }
    this.changed.fire(node.parent);
  }

  /** Forgets what was fetched: the tree is asked again from the top. */
  clear(): void {
    this.loaded.clear();
    this.failed = false;
    this.root = { kind: 'root' };
    this.changed.fire(undefined);
  }

  /** The first page of a parent's topics and papers, fetched once; undefined when the server failed. */
  private async load(node: RootNode | TopicNode): Promise<Loaded | undefined> {
    const key = idOf(node);
    const known = this.loaded.get(key);
    if (known) return known;
    const shared = this.services.sharedLibrary;
    const id = node.kind === 'topic' ? node.topic.id : undefined;
    const [topics, papers] = await Promise.all([
      shared.topics({ parent: id, offset: 0, limit: TOPICS_PAGE }),
      id !== undefined ? shared.topicPapers(id, { offset: 0, limit: PAPERS_PAGE }) : Promise.resolve({ items: [] as Paper[], total: 0 }),
    ]);
    if (!topics || !papers) {
      this.failed = true;
      return undefined;
    }
    const loaded: Loaded = {
      topics: topics.items.map((topic) => ({ kind: 'topic', topic })),
      topicsTotal: topics.total,
      papers: papers.items.map((paper) => ({ kind: 'paper', paper, parent: id ?? '' })),
      papersTotal: papers.total,
    };
    this.loaded.set(key, loaded);
    return loaded;
  }

  private fail(): void {
    this.failed = true;
    void vscode.window.showWarningMessage(`Lit Review: the shared library did not answer (${this.services.sharedLibrary.status.kind}). Your own library keeps working.`);
  }

  private failureMessage(): MessageNode {
    const state = this.services.sharedLibrary.status;
    const text =
      state.kind === 'authentication' ? 'The server needs a password: click here to enter it.'
      : state.kind === 'slow' ? 'The server did not answer in time: click here to try again.'
      : state.kind === 'not-published' ? 'Nothing is published on this server yet.'
      : state.kind === 'restricted' ? 'Not used in Restricted Mode.'
      : 'The server cannot be reached: click here to try again. Your own library keeps working.';
    return { kind: 'message', text };
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

function idOf(node: RootNode | TopicNode): string {
  return node.kind === 'root' ? 'root' : `topic:${node.topic.id}`;
}
