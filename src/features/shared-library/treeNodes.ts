// The nodes of the Shared Library view: what the server gave, and where it goes in the tree.
import type { Paper } from '../../core/paper/paper';
import type { SharedTopic } from '../../node/postgres/types';

export type SharedNode = RootNode | TopicNode | SharedPaperNode | LoadMoreNode | MessageNode;

export interface RootNode {
  kind: 'root';
}

export interface TopicNode {
  kind: 'topic';
  topic: SharedTopic;
}

export interface SharedPaperNode {
  kind: 'paper';
  paper: Paper;
  /** The id of the topic it was listed under (a paper may be in several). */
  parent: string;
}

export interface LoadMoreNode {
  kind: 'more';
  parent: RootNode | TopicNode;
  list: 'topics' | 'papers';
  shown: number;
  total: number;
}

/** Why there is nothing to show: the server failed, or the list is empty. */
export interface MessageNode {
  kind: 'message';
  text: string;
}
