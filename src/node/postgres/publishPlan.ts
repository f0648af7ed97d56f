// Which rows a publish writes, and in which transactions. A paper is written only when its
// row differs from the stored one. Each changed or removed listing is written whole in one
// transaction (its listing row with the papers it brought in, changed or took away), so a
// reader sees every listing either as it was or as it is now. Listings that a row ties
// together go in the same transaction: a key that passes from a paper of one listing to a
// paper of another (both changed) must change hands at once, or the first listing would be
// seen without its paper. A paper that changed though none of its listings did (another
// file took its key, say) is written apart: new rows before the listings, rows gone after
// them, so it is never missing.

export interface PaperChange {
  key: string;
  /** Its files, in the order they are published. */
  files: readonly string[];
  kind: 'insert' | 'update';
  /** For an update, the files of the row it replaces. */
  previousFiles?: readonly string[];
}

export interface PaperGone {
  key: string;
  /** The files the stored row came from. */
  files: readonly string[];
}

export interface WriteBatch {
  /** Listings written (or deleted) in this transaction, none for the batches of papers alone. */
  listings: string[];
  /** Keys to insert or update, and keys to delete. */
  upserts: string[];
  deletes: string[];
  inserted: number;
}

export interface WritePlan {
  batches: WriteBatch[];
  inserted: number;
  updated: number;
  deleted: number;
}

function listOf<T>(map: Map<number, T[]>, at: number): T[] {
  let list = map.get(at);
  if (!list) map.set(at, (list = []));
  return list;
}

/** Listings joined into groups that must be written together (union-find over their places). */
class Groups {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  find(at: number): number {
    while (this.parent[at] !== at) {
      this.parent[at] = this.parent[this.parent[at]!]!;
      at = this.parent[at]!;
    }
    return at;
  }

  /** Joins the places' groups; the group is named by its first listing. */
  join(places: readonly number[]): void {
    for (const place of places.slice(1)) {
      const [a, b] = [this.find(places[0]!), this.find(place)];
      if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
}

/**
 * The batches: papers of no changed listing first, then the changed and removed listings
 * (`listings`, in order) a group at a time, groups gathered up to about `batchPapers`
 * papers a transaction, then the deletions of no changed listing.
 */
export function planWrites(listings: readonly string[], changes: readonly PaperChange[], gone: readonly PaperGone[], batchPapers: number): WritePlan {
  const unit = new Map(listings.map((file, i) => [file, i]));
  const placesOf = (files: readonly string[]): number[] => [...new Set(files.map((file) => unit.get(file)).filter((at): at is number => at !== undefined))];
  const groups = new Groups(listings.length);
  const placed = (files: readonly string[]): number | undefined => {
    const places = placesOf(files);
    groups.join(places);
    return places[0];
  };
  const changePlaces = changes.map((change) => placed([...change.files, ...(change.previousFiles ?? [])]));
  const gonePlaces = gone.map((paper) => placed(paper.files));

  const upsertsOf = new Map<number, string[]>();
  const deletesOf = new Map<number, string[]>();
  const insertsOf = new Map<number, number>();
  const restUpserts: PaperChange[] = [];
  const restDeletes: string[] = [];
  changes.forEach((change, i) => {
    const place = changePlaces[i];
    if (place === undefined) return void restUpserts.push(change);
    const group = groups.find(place);
    listOf(upsertsOf, group).push(change.key);
    if (change.kind === 'insert') insertsOf.set(group, (insertsOf.get(group) ?? 0) + 1);
  });
  gone.forEach((paper, i) => {
    const place = gonePlaces[i];
    if (place === undefined) return void restDeletes.push(paper.key);
    listOf(deletesOf, groups.find(place)).push(paper.key);
  });
  const members = new Map<number, string[]>();
  listings.forEach((file, i) => {
    listOf(members, groups.find(i)).push(file);
  });

  const batches: WriteBatch[] = [];
  for (let from = 0; from < restUpserts.length; from += batchPapers) {
    const slice = restUpserts.slice(from, from + batchPapers);
    batches.push({ listings: [], upserts: slice.map((change) => change.key), deletes: [], inserted: slice.filter((change) => change.kind === 'insert').length });
  }
  let current: WriteBatch | undefined;
  // Groups in the order of their first listing (a group's name is its first place).
  for (const [group, files] of [...members].sort(([a], [b]) => a - b)) {
    const upserts = upsertsOf.get(group) ?? [];
    const deletes = deletesOf.get(group) ?? [];
    if (current && current.upserts.length + current.deletes.length + upserts.length + deletes.length > batchPapers) current = undefined;
    if (!current) batches.push((current = { listings: [], upserts: [], deletes: [], inserted: 0 }));
    current.listings.push(...files);
    current.upserts.push(...upserts);
    current.deletes.push(...deletes);
    current.inserted += insertsOf.get(group) ?? 0;
  }
  for (let from = 0; from < restDeletes.length; from += batchPapers) {
    batches.push({ listings: [], upserts: [], deletes: restDeletes.slice(from, from + batchPapers), inserted: 0 });
  }
  const inserted = changes.filter((change) => change.kind === 'insert').length;
  return { batches, inserted, updated: changes.length - inserted, deleted: gone.length };
}
