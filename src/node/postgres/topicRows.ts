// Topics as rows: each topic with an id made from its place in the tree (its parent's id and
// its own name, so the same topic keeps its id from one publish to the next), its position
// in the order the local tree visits topics, and its papers newest first.
import type { Paper } from '../../core/paper/paper';
import type { Topic } from '../../core/topics';

export interface TopicRow {
  id: string;
  name: string;
  parent: string | null;
  position: number;
  papers: number;
  why: string;
  origin: string;
  /** Its papers' keys in the order shown. */
  keys: string[];
}

/** `parent/name`, the name's own slashes escaped; a name a sibling already has gets `~2`, `~3`... */
function topicId(parent: string | null, name: string, taken: Set<string>): string {
  const base = `${parent === null ? '' : `${parent}/`}${encodeURIComponent(name)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
  taken.add(id);
  return id;
}

/** Newest first (by date, then year), then by key: the order a topic's papers are paged in. */
export function newestFirst(papers: ReadonlyMap<string, Pick<Paper, 'date' | 'year'>>): (a: string, b: string) => number {
  const when = (key: string): string => {
    const paper = papers.get(key);
    return paper?.date ?? (paper?.year ? String(paper.year) : '');
  };
  return (a, b) => {
    const [x, y] = [when(a), when(b)];
    return x !== y ? (x < y ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;
  };
}

/** The tree as rows, depth first as the local tree lists topics; keys no paper has are left out. */
export function topicRows(topics: readonly Topic[], papers: ReadonlyMap<string, Pick<Paper, 'date' | 'year'>>): TopicRow[] {
  const rows: TopicRow[] = [];
  const taken = new Set<string>();
  const order = newestFirst(papers);
  const visit = (topic: Topic, parent: string | null): void => {
    const id = topicId(parent, topic.name, taken);
    const keys = [...new Set(topic.keys)].filter((key) => papers.has(key)).sort(order);
    rows.push({ id, name: topic.name, parent, position: rows.length, papers: keys.length, why: topic.why, origin: topic.origin, keys });
    for (const child of topic.children ?? []) visit(child, id);
  };
  for (const topic of topics) visit(topic, null);
  return rows;
}
