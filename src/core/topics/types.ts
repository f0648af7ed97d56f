// The shapes topics are asked for and answered in, shared by every step of src/core/topics.

/** A topic the user defines in settings: papers whose text matches go in it. */
export interface TopicRule {
  name: string;
  /** Phrases (matched as whole words, case and plural aside) or `/regex/flags`. */
  match: string[];
  /** Papers matching any of these stay out, even when `match` finds them. */
  exclude?: string[];
}

/** What a person decided by hand; it wins over everything computed. */
export interface TopicOverrides {
  /** Paper key -> the topics the paper belongs in, exactly. */
  moves: Record<string, string[]>;
  /** Old topic name -> new name. */
  renames: Record<string, string>;
}

export interface TopicOptions {
  rules?: TopicRule[];
  overrides?: TopicOverrides;
  /** Listings in subfolders: the folder is a topic. */
  folderTopics?: boolean;
  /** Default 3. Papers moved by hand may have more. */
  maxTopicsPerPaper?: number;
  /**
   * The topics computed last time. Automatic topics that still hold enough papers are
   * kept, so one new paper does not reshuffle everyone else's.
   */
  previous?: readonly Topic[];
}

export type TopicOrigin = 'rule' | 'folder' | 'auto' | 'user' | 'other';

export interface Topic {
  name: string;
  /** Citation keys of the papers in it, sorted. */
  keys: string[];
  /** Why these papers are together, in words a person reads in a tooltip. */
  why: string;
  origin: TopicOrigin;
  /** The normalised phrases an automatic topic was chosen by (lets `previous` find it again). */
  terms?: string[];
  children?: Topic[];
}
