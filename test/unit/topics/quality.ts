// Measures shared by the topic quality tests: pairwise agreement with hand labels, and the
// shape of the topics a user sees ("Other" share, largest topic, every label).
import type { Topic } from '../../../src/core/topics';

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Measured on pairs of papers: a pair is "together" when the two share at least one topic.
 * Precision: of the pairs the automatic topics put together, how many the hand labels do
 * too; recall: of the pairs the labels put together, how many the automatic topics found.
 */
export function pairScores(ids: readonly string[], truth: (a: string, b: string) => boolean, guess: (a: string, b: string) => boolean): Scores {
  let both = 0;
  let guessed = 0;
  let expected = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const t = truth(ids[i]!, ids[j]!);
      const g = guess(ids[i]!, ids[j]!);
      if (t) expected++;
      if (g) guessed++;
      if (t && g) both++;
    }
  }
  const precision = guessed ? both / guessed : 0;
  const recall = expected ? both / expected : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function shareAny(sets: ReadonlyMap<string, ReadonlySet<string>>): (a: string, b: string) => boolean {
  return (a, b) => [...sets.get(a)!].some((topic) => sets.get(b)!.has(topic));
}

export const show = (s: Scores): string => `precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;

export interface Shape {
  otherShare: number;
  largestShare: number;
  largest: string;
}

/** How much of the library is left in "Other", and how much the largest real topic holds. */
export function shapeOf(topics: readonly Topic[], papers: number): Shape {
  const other = topics.find((t) => t.origin === 'other')?.keys.length ?? 0;
  const real = topics.filter((t) => t.origin !== 'other');
  const largest = real.reduce<Topic | undefined>((a, t) => (!a || t.keys.length > a.keys.length ? t : a), undefined);
  return { otherShare: other / papers, largestShare: (largest?.keys.length ?? 0) / papers, largest: largest?.name ?? '' };
}

/** Every label, nested ones indented under their topic, with its size. */
export function describeTopics(topics: readonly Topic[]): string {
  return topics
    .map((t) => {
      const children = t.children?.length ? ` [${t.children.map((c) => `${c.name} ${c.keys.length}`).join(', ')}]` : '';
      return `${t.name} ${t.keys.length}${children}`;
    })
    .join('; ');
}

export const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;
