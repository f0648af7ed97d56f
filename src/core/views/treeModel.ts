// What the Papers tree shows, without the editor: papers grouped by topic, year, listing
// file or tag, sorted, narrowed by a filter, and paged so no node ever lists thousands of children.
import type { Paper } from '../paper/paper';
import { collator, paperComparator, paperYear, type SortOrder } from '../paper/order';
import { groupByTag, matchesReadingFilter, readingOf, type ReadingFilter } from '../reading/display';
import { emptyReadingList, type ReadingList } from '../reading/status';
import type { Settings } from '../settings';
import type { Topic } from '../topics/types';

/** The setting's groupings, and tags: a grouping chosen in the view, from the reading list. */
export type GroupBy = Settings['groupBy'] | 'tag';
export type { SortOrder } from '../paper/order';

/** A node's children are shown this many at a time; "Show more…" adds as many again. */
export const PAGE_SIZE = 200;

export interface GroupNode {
  readonly kind: 'group';
  /** Unique in the tree and stable across refreshes: it keeps expansion and selection. */
  readonly id: string;
  readonly label: string;
  readonly groupBy: GroupBy;
  /** The topic this group shows (groupBy `topic` only; absent for the papers no topic holds). */
  readonly topic?: Topic;
  /** What the group holds, in words, for its tooltip. */
  readonly why: string;
  /** A second line of detail, such as the folder of a listing file. */
  readonly detail?: string;
  readonly parent?: GroupNode;
  readonly subgroups: GroupNode[];
  /** The group's own papers, sorted and filtered (those of subgroups are theirs). */
  readonly papers: Paper[];
  /** Distinct papers in the group and its subgroups, after the filter. */
  readonly count: number;
  /** The same without the filter. */
  readonly total: number;
}

export interface PaperNode {
  readonly kind: 'paper';
  readonly id: string;
  readonly paper: Paper;
  readonly parent?: GroupNode;
}

/** Stands for the children of `parent` not shown yet. */
export interface MoreNode {
  readonly kind: 'more';
  readonly id: string;
  readonly parent?: GroupNode;
  readonly shown: number;
  readonly total: number;
}

export type TreeNode = GroupNode | PaperNode | MoreNode;

export interface TreeModelOptions {
  groupBy: GroupBy;
  sortOrder: SortOrder;
  /** Keys (any case) of the papers the filter lets through; undefined when there is no filter. */
  matching?: ReadonlySet<string>;
  /** Statuses and tags: what grouping by tag and the reading filter read. */
  reading?: ReadingList;
  /** Only the papers with this status and tag (both when both are given). */
  readingFilter?: ReadingFilter;
}

/** One page of a node's children, with a "more" node when some are left. */
export interface ChildrenPage {
  nodes: TreeNode[];
  total: number;
}

export class TreeModel {
  readonly roots: GroupNode[];
  private readonly paperCount: number;

  constructor(allPapers: readonly Paper[], topics: readonly Topic[], readonly options: TreeModelOptions) {
    // Proceedings volumes that papers crossref are found by search and cited, not listed.
    const papers = allPapers.filter((paper) => !paper.container);
    const matching = options.matching ? new Set([...options.matching].map((key) => key.toLowerCase())) : undefined;
    const reading = options.reading ?? emptyReadingList();
    const wanted = options.readingFilter;
    const passes = (paper: Paper): boolean =>
      (!matching || matching.has(paper.key.toLowerCase())) && (!wanted || matchesReadingFilter(readingOf(reading, paper), wanted));
    const compare = paperComparator(options.sortOrder);
    const build = { passes, compare };
    if (options.groupBy === 'year') this.roots = yearGroups(papers, build);
    else if (options.groupBy === 'file') this.roots = fileGroups(papers, build);
    else if (options.groupBy === 'tag') this.roots = tagGroups(papers, reading, build);
    else this.roots = topicGroups(papers, topics, build);
    this.paperCount = papers.filter(passes).length;
  }

  /** Papers the tree shows (each once, however many groups hold it). */
  get visiblePaperCount(): number {
    return this.paperCount;
  }

  /**
   * The children of a node (the roots for undefined), the first `limit` of them, followed by
   * a "more" node when there are others.
   */
  children(node: TreeNode | undefined, limit = PAGE_SIZE): ChildrenPage {
    if (node === undefined) return page(this.roots, undefined, limit, 'root');
    if (node.kind !== 'group') return { nodes: [], total: 0 };
    const all: Array<GroupNode | Paper> = [...node.subgroups, ...node.papers];
    return page(all, node, limit, node.id);
  }

  /** Every node showing the paper with this key (a paper may sit in several topics). */
  nodesOf(key: string): PaperNode[] {
    const wanted = key.toLowerCase();
    const found: PaperNode[] = [];
    const visit = (group: GroupNode): void => {
      const paper = group.papers.find((p) => p.key.toLowerCase() === wanted);
      if (paper) found.push(paperNode(paper, group));
      group.subgroups.forEach(visit);
    };
    this.roots.forEach(visit);
    return found;
  }

  /** The group with this id, anywhere in the tree. */
  group(id: string): GroupNode | undefined {
    const search = (groups: readonly GroupNode[]): GroupNode | undefined => {
      for (const group of groups) {
        if (group.id === id) return group;
        const inner = search(group.subgroups);
        if (inner) return inner;
      }
      return undefined;
    };
    return search(this.roots);
  }
}

function page(items: ReadonlyArray<GroupNode | Paper>, parent: GroupNode | undefined, limit: number, parentId: string): ChildrenPage {
  const shown = Math.max(1, Math.floor(limit));
  const nodes: TreeNode[] = items.slice(0, shown).map((item) => (isGroup(item) ? item : paperNode(item, parent)));
  if (items.length > shown) nodes.push({ kind: 'more', id: `${parentId}/more`, parent, shown, total: items.length });
  return { nodes, total: items.length };
}

function isGroup(item: GroupNode | Paper): item is GroupNode {
  return (item as GroupNode).kind === 'group';
}

export function paperNode(paper: Paper, parent: GroupNode | undefined): PaperNode {
  return { kind: 'paper', id: `${parent?.id ?? 'root'}/paper:${paper.key}`, paper, parent };
}

interface Build {
  passes: (paper: Paper) => boolean;
  compare: (a: Paper, b: Paper) => number;
}

interface GroupInit {
  id: string;
  label: string;
  groupBy: GroupBy;
  why: string;
  detail?: string;
  topic?: Topic;
  parent?: GroupNode;
  /** Every paper of the group itself, before the filter. */
  members: Paper[];
  /** Builds the subgroups once the group exists (they point back at it), shown or not. */
  subgroups?: (self: GroupNode) => GroupNode[];
}

/** A group, or undefined when the filter leaves nothing in it. */
function makeGroup(init: GroupInit, build: Build): GroupNode | undefined {
  const group = makeAnyGroup(init, build);
  return group.count > 0 ? group : undefined;
}

/**
 * A group, even one the filter empties: a parent counts every paper of its subgroups in its
 * total, so a filtered topic says "1 of 218" where the whole tree says 218.
 */
function makeAnyGroup(init: GroupInit, build: Build): GroupNode {
  const papers = init.members.filter(build.passes).sort(build.compare);
  const group: { -readonly [K in keyof GroupNode]: GroupNode[K] } = {
    kind: 'group', id: init.id, label: init.label, groupBy: init.groupBy, why: init.why, detail: init.detail,
    topic: init.topic, parent: init.parent, subgroups: [], papers, count: 0, total: 0,
  };
  const subgroups = init.subgroups?.(group) ?? [];
  group.subgroups = subgroups.filter((sub) => sub.count > 0);
  // Counted as sets: a paper in a topic and in its subtopic counts once.
  const everyKey = new Set(init.members.map((paper) => paper.key));
  const shownKey = new Set(papers.map((paper) => paper.key));
  for (const sub of subgroups) {
    for (const key of memberKeys.get(sub)!.every) everyKey.add(key);
    for (const key of memberKeys.get(sub)!.shown) shownKey.add(key);
  }
  group.count = shownKey.size;
  group.total = everyKey.size;
  memberKeys.set(group, { every: everyKey, shown: shownKey });
  return group;
}

/** The keys under each group, kept aside so a parent counts its subgroups' papers without walking them again. */
const memberKeys = new WeakMap<GroupNode, { every: Set<string>; shown: Set<string> }>();

function topicGroups(papers: readonly Paper[], topics: readonly Topic[], build: Build): GroupNode[] {
  const byKey = new Map(papers.map((paper) => [paper.key.toLowerCase(), paper]));
  const placed = new Set<string>();

  const groupOf = (topic: Topic, parent: GroupNode | undefined): GroupNode => {
    const id = `${parent?.id ?? 'topic'}/${encodeURIComponent(topic.name)}`;
    const inChildren = new Set(descendantKeys(topic.children ?? []));
    const members: Paper[] = [];
    for (const key of topic.keys) {
      const paper = byKey.get(key.toLowerCase());
      placed.add(key.toLowerCase());
      // A paper listed by a subtopic shows there, not twice.
      if (paper && !inChildren.has(key.toLowerCase())) members.push(paper);
    }
    return makeAnyGroup({
      id, label: topic.name, groupBy: 'topic', why: topic.why, topic, parent, members,
      subgroups: (self) => (topic.children ?? []).map((child) => groupOf(child, self)),
    }, build);
  };

  const groups = topics.map((topic) => groupOf(topic, undefined)).filter((group) => group.count > 0);
  for (const key of descendantKeys(topics)) placed.add(key);
  const unplaced = papers.filter((paper) => !placed.has(paper.key.toLowerCase()));
  const rest = makeGroup({
    id: 'topic-none', label: topics.length ? 'No topic' : 'All papers', groupBy: 'topic', members: unplaced,
    why: topics.length ? 'Papers that no topic rule, folder or automatic topic holds.' : 'Every paper of the library.',
  }, build);
  return rest ? [...groups, rest] : groups;
}

function descendantKeys(topics: readonly Topic[]): string[] {
  return topics.flatMap((topic) => [...topic.keys.map((key) => key.toLowerCase()), ...descendantKeys(topic.children ?? [])]);
}

function yearGroups(papers: readonly Paper[], build: Build): GroupNode[] {
  const byYear = new Map<number | undefined, Paper[]>();
  for (const paper of papers) {
    const year = paperYear(paper);
    const members = byYear.get(year);
    if (members) members.push(paper);
    else byYear.set(year, [paper]);
  }
  const years = [...byYear.keys()].sort((a, b) => (a === undefined ? 1 : b === undefined ? -1 : b - a));
  return years
    .map((year) => makeGroup({
      id: `year/${year ?? 'none'}`,
      label: year !== undefined ? String(year) : 'No year',
      groupBy: 'year',
      why: year !== undefined ? `Papers of ${year}.` : 'Papers whose listings give no date.',
      members: byYear.get(year)!,
    }, build))
    .filter(isDefined);
}

function fileGroups(papers: readonly Paper[], build: Build): GroupNode[] {
  const byFile = new Map<string, Paper[]>();
  for (const paper of papers) {
    // A paper found in several listings belongs to each of them.
    for (const file of new Set(paper.sources.map((source) => source.file))) {
      const members = byFile.get(file);
      if (members) members.push(paper);
      else byFile.set(file, [paper]);
    }
  }
  return [...byFile.keys()]
    .sort((a, b) => collator.compare(a, b))
    .map((file) => {
      const slash = file.lastIndexOf('/');
      return makeGroup({
        id: `file/${file}`,
        label: slash >= 0 ? file.slice(slash + 1) : file,
        detail: slash > 0 ? file.slice(0, slash) : undefined,
        groupBy: 'file',
        why: `Papers read from ${file}.`,
        members: byFile.get(file)!,
      }, build);
    })
    .filter(isDefined);
}

const UNTAGGED = 'Untagged';

/** One group per tag, by name, then the papers without one; a paper with two tags is in both. */
function tagGroups(papers: readonly Paper[], reading: ReadingList, build: Build): GroupNode[] {
  return groupByTag(reading, papers, UNTAGGED)
    .map(({ tag, papers: members }) => {
      // A tag's group holds only papers carrying it; the last group holds only papers with none.
      const untagged = !readingOf(reading, members[0]!)?.tags.length;
      return makeGroup({
        id: untagged ? 'tag-none' : `tag/${encodeURIComponent(tag.toLowerCase())}`,
        label: tag,
        groupBy: 'tag',
        why: untagged ? 'Papers without a tag: Add Tag gives them one.' : `Papers you tagged “${tag}”.`,
        members,
      }, build);
    })
    .filter(isDefined);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Every topic name, subtopics after their parent, each once (for pickers). */
export function allTopicNames(topics: readonly Topic[]): string[] {
  const names = topics.flatMap((topic) => [topic.name, ...allTopicNames(topic.children ?? [])]);
  return [...new Set(names)];
}

/** The names of the topics, at any depth, that hold the paper with this key. */
export function topicsHolding(topics: readonly Topic[], key: string): string[] {
  const wanted = key.toLowerCase();
  const names = topics.flatMap((topic) => [
    ...(topic.keys.some((k) => k.toLowerCase() === wanted) ? [topic.name] : []),
    ...topicsHolding(topic.children ?? [], key),
  ]);
  return [...new Set(names)];
}
