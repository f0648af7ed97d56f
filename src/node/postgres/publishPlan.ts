// Which rows a publish writes, and in which transactions. A paper is written only when its
// row differs from the stored one; each changed or removed listing is one unit that a
// transaction holds whole (its listing row with the papers it brought in, changed or took
// away), so a reader sees every listing either as it was or as it is now. A paper that
// changed though none of its listings did (another file took its key, say) is written
// apart: new rows before the listings, rows gone after them, so it is never missing.

export interface PaperChange {
  key: string;
  /** Its files, in the order they are published. */
  files: readonly string[];
  kind: 'insert' | 'update';
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

/**
 * The batches: papers of no changed listing first, then the changed and removed listings
 * (`listings`, in order) a few at a time, up to about `batchPapers` papers a transaction,
 * then the deletions of no changed listing.
 */
export function planWrites(listings: readonly string[], changes: readonly PaperChange[], gone: readonly PaperGone[], batchPapers: number): WritePlan {
  const unit = new Map(listings.map((file, i) => [file, i]));
  const ownerOf = (files: readonly string[]): number | undefined => {
    let owner: number | undefined;
    for (const file of files) {
      const at = unit.get(file);
      if (at !== undefined && (owner === undefined || at < owner)) owner = at;
    }
    return owner;
  };
  const upsertsOf: string[][] = listings.map(() => []);
  const deletesOf: string[][] = listings.map(() => []);
  const insertsOf = listings.map(() => 0);
  const restUpserts: PaperChange[] = [];
  const restDeletes: string[] = [];
  for (const change of changes) {
    const owner = ownerOf(change.files);
    if (owner === undefined) restUpserts.push(change);
    else {
      upsertsOf[owner]!.push(change.key);
      if (change.kind === 'insert') insertsOf[owner]!++;
    }
  }
  for (const paper of gone) {
    const owner = ownerOf(paper.files);
    (owner === undefined ? restDeletes : deletesOf[owner]!).push(paper.key);
  }

  const batches: WriteBatch[] = [];
  for (let from = 0; from < restUpserts.length; from += batchPapers) {
    const slice = restUpserts.slice(from, from + batchPapers);
    batches.push({ listings: [], upserts: slice.map((change) => change.key), deletes: [], inserted: slice.filter((change) => change.kind === 'insert').length });
  }
  let current: WriteBatch | undefined;
  listings.forEach((file, i) => {
    const size = upsertsOf[i]!.length + deletesOf[i]!.length;
    if (current && current.upserts.length + current.deletes.length + size > batchPapers) current = undefined;
    if (!current) batches.push((current = { listings: [], upserts: [], deletes: [], inserted: 0 }));
    current.listings.push(file);
    current.upserts.push(...upsertsOf[i]!);
    current.deletes.push(...deletesOf[i]!);
    current.inserted += insertsOf[i]!;
  });
  for (let from = 0; from < restDeletes.length; from += batchPapers) {
    batches.push({ listings: [], upserts: [], deletes: restDeletes.slice(from, from + batchPapers), inserted: 0 });
  }
  const inserted = changes.filter((change) => change.kind === 'insert').length;
  return { batches, inserted, updated: changes.length - inserted, deleted: gone.length };
}
