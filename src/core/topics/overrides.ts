// The small file a team commits next to its listings (`.lit-review-topics.json`) to
// remember "Move to Topic" and "Rename Topic":
//   { "version": 1,
//     "renames": { "Old Name": "New Name" },
//     "moves": { "citationKey": ["Topic", ...] } }
// Reading it never throws: each bad entry is dropped with a problem, the rest still apply.
import { z } from 'zod';
import type { Topic, TopicOverrides } from './types';

export const OVERRIDES_FILE = '.lit-review-topics.json';

const TopicName = z.string().trim().min(1, 'a topic name may not be empty');
const RenameSchema = z.tuple([TopicName, TopicName]);
const MoveSchema = z.tuple([z.string().trim().min(1, 'a paper key may not be empty'), z.array(TopicName)]);
const FileSchema = z.object({
  version: z.literal(1).optional(),
  renames: z.record(z.string(), z.unknown()).optional(),
  moves: z.record(z.string(), z.unknown()).optional(),
});

export function emptyOverrides(): TopicOverrides {
  return { moves: {}, renames: {} };
}

export function parseOverrides(text: string): { overrides: TopicOverrides; problems: string[] } {
  const overrides = emptyOverrides();
  const problems: string[] = [];
  if (!text.trim()) return { overrides, problems };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${OVERRIDES_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)}); topic moves and renames are ignored.`);
    return { overrides, problems };
  }
  const file = FileSchema.safeParse(json);
  if (!file.success) {
    problems.push(`${OVERRIDES_FILE} should be an object with "renames" and "moves" (${file.error.issues[0]?.message ?? 'wrong shape'}); topic moves and renames are ignored.`);
    return { overrides, problems };
  }
  const known = new Set(['version', 'renames', 'moves']);
  for (const key of Object.keys(json as object)) if (!known.has(key)) problems.push(`Unknown field "${key}" in ${OVERRIDES_FILE} is ignored.`);
  // Entries are read from the parsed JSON itself: a record rebuilt by assignment would turn
  // a key "__proto__" into a prototype and lose it.
  const raw = json as { renames?: Record<string, unknown>; moves?: Record<string, unknown> };
  for (const entry of Object.entries(raw.renames ?? {})) {
    const rename = RenameSchema.safeParse(entry);
    if (rename.success) setOwn(overrides.renames, rename.data[0], rename.data[1]);
    else problems.push(`Rename of "${entry[0]}" is ignored: ${rename.error.issues[0]?.message ?? 'expected a topic name'}.`);
  }
  for (const entry of Object.entries(raw.moves ?? {})) {
    const move = MoveSchema.safeParse(entry);
    if (move.success) setOwn(overrides.moves, move.data[0], [...new Set(move.data[1])]);
    else problems.push(`Move of "${entry[0]}" is ignored: ${move.error.issues[0]?.message ?? 'expected a list of topic names'}.`);
  }
  return { overrides, problems };
}

/** Keys come from users' files: "__proto__" is a name like any other, not the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Sorted keys and names, two-space indent, final newline: diffs show only real changes. */
export function serializeOverrides(overrides: TopicOverrides): string {
  const renames = Object.fromEntries(
    Object.entries(overrides.renames)
      .filter(([from, to]) => from !== to)
      .sort(([a], [b]) => compareText(a, b)),
  );
  const moves = Object.fromEntries(
    Object.entries(overrides.moves)
      .sort(([a], [b]) => compareText(a, b))
      .map(([key, topics]) => [key, [...new Set(topics)].sort(compareText)]),
  );
  return `${JSON.stringify({ version: 1, renames, moves }, null, 2)}\n`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Follows renames (a -> b -> c) to the name a topic now has; a cycle stops where it started. */
export function renamed(name: string, renames: Readonly<Record<string, string>>): string {
  let current = name;
  const seen = new Set([current]);
  while (Object.hasOwn(renames, current)) {
    const next = renames[current]!;
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
  }
  return current;
}

/** Renames topics (and their children); two topics renamed to one name become one. */
export function applyRenames(topics: readonly Topic[], renames: Readonly<Record<string, string>>): Topic[] {
  const byName = new Map<string, Topic>();
  for (const topic of topics) {
    const name = renamed(topic.name, renames);
    const why = name === topic.name ? topic.why : `${topic.why} (renamed from "${topic.name}")`;
    const children = topic.children ? applyRenames(topic.children, renames) : undefined;
    const next: Topic = { ...topic, name, why, ...(children ? { children } : {}) };
    const same = byName.get(name);
    if (!same) {
      byName.set(name, next);
      continue;
    }
    same.keys = [...new Set([...same.keys, ...next.keys])].sort();
    same.why = `${same.why}; ${next.why}`;
    if (next.children) same.children = [...(same.children ?? []), ...next.children];
  }
  return [...byName.values()];
}

/**
 * Moves papers: a moved paper is in exactly the topics the user chose (children
 * included), and a topic only the user made is created for it.
 */
export function applyMoves(topics: Topic[], moves: Readonly<Record<string, string[]>>, renames: Readonly<Record<string, string>>, knownKeys: ReadonlySet<string>): Topic[] {
  const moved = new Map<string, Set<string>>();
  for (const [key, names] of Object.entries(moves)) {
    if (knownKeys.has(key)) moved.set(key, new Set(names.map((n) => renamed(n, renames))));
  }
  if (!moved.size) return topics;
  const arrivals = new Map<string, string[]>();
  for (const [key, names] of moved) for (const name of names) arrivals.set(name, [...(arrivals.get(name) ?? []), key]);

  const place = (topic: Topic): Topic => {
    const incoming = arrivals.get(topic.name) ?? [];
    arrivals.delete(topic.name);
    const stay = topic.keys.filter((key) => !moved.has(key));
    const children = topic.children?.map(place).filter((child) => child.keys.length > 0);
    // A paper moved into a nested topic is in its parent too, as every child's papers are.
    const keys = [...new Set([...stay, ...incoming, ...(children ?? []).flatMap((child) => child.keys)])].sort();
    const added = incoming.filter((key) => !topic.keys.includes(key)).length;
    const why = added ? `${topic.why}; you moved ${added === 1 ? 'a paper' : `${added} papers`} here` : topic.why;
    return { ...topic, keys, why, ...(children ? { children } : {}) };
  };
  const placed = topics.map(place).filter((topic) => topic.keys.length > 0);
  for (const [name, keys] of [...arrivals].sort(([a], [b]) => compareText(a, b))) {
    placed.push({ name, keys: [...keys].sort(), why: 'You moved these papers here', origin: 'user' });
  }
  return placed;
}
