// The library: every listing parsed, merged into one deduplicated set of papers with keys.
import type { Paper, Problem } from './paper';

/** One listing file's text as read from disk or from the editor. */
export interface Listing {
  /** Path relative to the library root when there is one, else absolute. Used in sources. */
  file: string;
  text: string;
  modifiedAt?: Date;
}

export class Library {
  readonly papers: Paper[] = [];
  readonly problems: Problem[] = [];

  static fromListings(_listings: Listing[]): Library {
    return new Library();
  }
}
