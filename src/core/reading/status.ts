// Reading status and tags, kept in one small file a team commits beside its listings
// (`.lit-review/reading.tsv`), never in the listings themselves:
//
//   # Lit Review reading list: one paper per line, sorted by key.
//   # key<TAB>status<TAB>date<TAB>tags<TAB>reason
//   chen2025search	read	2026-01-12	rl,search
//   li2025zero	excluded	2026-01-14		not about search
//
// One paper per line in a stable order means two people marking different papers merge
// without a conflict, and a conflict that does happen touches only the lines of the papers
// both changed. Reading never throws: a bad line becomes a problem at file:line and is
// kept as written, so saving the file never loses what a person typed.
import { problem, type Problem } from '../paper/paper';

export const READING_FILE = '.lit-review/reading.tsv';

export const READING_STATUSES = ['to-read', 'reading', 'read', 'excluded'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** How each status reads in a sentence or a menu. */
export const STATUS_LABELS: Record<ReadingStatus, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  excluded: 'Excluded',
};

export interface ReadingEntry {
  key: string;
  status?: ReadingStatus;
  /** When the status was last set, YYYY-MM-DD: "Next to read" lists the oldest first. */
  date?: string;
  /** Free tags, each without tabs or commas, in the order they were added. */
  tags: string[];
  /** Why a paper was excluded (or any note on its status). */
  reason?: string;
}

export interface ReadingList {
  /** By key, as the file writes it. */
  entries: ReadonlyMap<string, ReadingEntry>;
  /** Lines that could not be read, kept verbatim so that a save writes them back. */
  unreadable: readonly string[];
}

export interface ParsedReadingList extends ReadingList {
  problems: Problem[];
}

const HEADER = ['# Lit Review reading list: one paper per line, sorted by key.', '# key\tstatus\tdate\ttags\treason'];
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(\s|$)/;

/** "to read", "To-Read", "toread" -> "to-read"; undefined when it names no status. */
export function parseStatus(text: string): ReadingStatus | undefined {
  const folded = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (folded === 'toread' || folded === 'unread') return 'to-read';
  return (READING_STATUSES as readonly string[]).includes(folded) ? (folded as ReadingStatus) : undefined;
}

/** A tag as the file keeps it: trimmed, inner spaces single, no tab or comma (they separate fields and tags). */
export function normalizeTag(tag: string): string {
  return tag.replace(/[\t,\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function cleanReason(reason: string | undefined): string | undefined {
  const cleaned = reason?.replace(/[\t\r\n]+/g, ' ').trim();
  return cleaned || undefined;
}

export function emptyReadingList(): ReadingList {
  return { entries: new Map(), unreadable: [] };
}

export function parseReadingList(text: string, file: string = READING_FILE): ParsedReadingList {
  const entries = new Map<string, ReadingEntry>();
  const unreadable: string[] = [];
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    if (CONFLICT_MARKER.test(raw)) {
      // Both sides of a conflict are read; the later line of a key wins, and a save drops the markers.
      problems.push(problem(file, line, 'An unresolved merge conflict marker: both sides are read, the later line of each paper wins.', 'warning'));
      return;
    }
    const [key = '', status = '', date = '', tags = '', ...reason] = raw.split('\t');
    const keep = (message: string) => {
      problems.push(problem(file, line, message, 'warning'));
      unreadable.push(raw);
    };
    if (!/^[A-Za-z0-9][A-Za-z0-9_:.\-+]*$/.test(key.trim())) return keep(`"${key.trim()}" is not a citation key; the line is kept as written.`);
    const parsedStatus = status.trim() ? parseStatus(status) : undefined;
    if (status.trim() && !parsedStatus) return keep(`"${status.trim()}" is not a reading status (${READING_STATUSES.join(', ')}); the line is kept as written.`);
    if (date.trim() && !DATE.test(date.trim())) return keep(`"${date.trim()}" is not a date as YYYY-MM-DD; the line is kept as written.`);
    const entry: ReadingEntry = {
      key: key.trim(),
      ...(parsedStatus ? { status: parsedStatus } : {}),
      ...(date.trim() ? { date: date.trim() } : {}),
      tags: uniqueTags(tags.split(',')),
      ...(cleanReason(reason.join(' ')) ? { reason: cleanReason(reason.join(' '))! } : {}),
    };
    if (entries.has(entry.key)) problems.push(problem(file, line, `${entry.key} has an earlier line; this one wins.`, 'warning'));
    entries.set(entry.key, entry);
  });
  return { entries, unreadable, problems };
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags.map(normalizeTag)) {
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

/** Plain code-unit order: the same on every machine and in every locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function entryLine(entry: ReadingEntry): string {
  const fields = [entry.key, entry.status ?? '', entry.date ?? '', entry.tags.join(','), entry.reason ?? ''];
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields.join('\t');
}

function isEmpty(entry: ReadingEntry): boolean {
  return !entry.status && !entry.tags.length && !entry.reason;
}

/** The file's text: a header, then one line per paper sorted by key (unreadable lines by their first field). */
export function serializeReadingList(list: ReadingList): string {
  const lines: { sortKey: string; text: string }[] = [];
  for (const entry of list.entries.values()) if (!isEmpty(entry)) lines.push({ sortKey: entry.key, text: entryLine(entry) });
  for (const raw of list.unreadable) lines.push({ sortKey: raw.split('\t')[0] ?? '', text: raw });
  lines.sort((a, b) => byCodeUnits(a.sortKey, b.sortKey) || byCodeUnits(a.text, b.text));
  return [...HEADER, ...lines.map((line) => line.text)].join('\n') + '\n';
}

export interface ReadingChange {
  status?: ReadingStatus;
  /** With a status: its reason (cleared when a status is set without one). */
  reason?: string;
  addTags?: readonly string[];
  removeTags?: readonly string[];
  /** Today, YYYY-MM-DD: stamped on papers whose status changes. */
  today: string;
}

/** The list with `change` made to each of `keys` (a new list; the given one is untouched). */
export function applyReadingChange(list: ReadingList, keys: readonly string[], change: ReadingChange): ReadingList {
  const entries = new Map(list.entries);
  const removed = new Set((change.removeTags ?? []).map((tag) => normalizeTag(tag).toLowerCase()));
  for (const key of keys) {
    const before = entries.get(key) ?? { key, tags: [] };
    const next: ReadingEntry = { ...before, tags: uniqueTags([...before.tags, ...(change.addTags ?? [])]).filter((tag) => !removed.has(tag.toLowerCase())) };
    if (change.status) {
      if (change.status !== before.status || !before.date) next.date = change.today;
      next.status = change.status;
      const reason = cleanReason(change.reason);
      if (reason) next.reason = reason;
      else delete next.reason;
    }
    entries.set(key, next);
  }
  return { entries, unreadable: list.unreadable };
}

/** The file's new text after `change`: parse, change, write, keeping the lines it could not read. */
export function changeReadingText(text: string | undefined, keys: readonly string[], change: ReadingChange): string {
  return serializeReadingList(applyReadingChange(text ? parseReadingList(text) : emptyReadingList(), keys, change));
}

/** The papers marked "to read", oldest mark first (undated ones last, then by key). */
export function nextToRead(list: ReadingList): ReadingEntry[] {
  return [...list.entries.values()]
    .filter((entry) => entry.status === 'to-read')
    .sort((a, b) => (a.date && b.date ? byCodeUnits(a.date, b.date) : a.date ? -1 : b.date ? 1 : 0) || byCodeUnits(a.key, b.key));
}

/** Every tag in the list with how many papers carry it, most used first. */
export function tagCounts(list: ReadingList): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const entry of list.entries.values()) {
    for (const tag of entry.tags) {
      const known = counts.get(tag.toLowerCase());
      if (known) known.count++;
      else counts.set(tag.toLowerCase(), { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || byCodeUnits(a.tag.toLowerCase(), b.tag.toLowerCase()));
}

/** Today in the form the file keeps, from the local calendar. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
