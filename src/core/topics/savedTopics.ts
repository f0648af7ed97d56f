// The topics of one state of the library, saved for the next start: at 100k papers they
// take seconds to find, and a start whose listings, settings and overrides are as they
// were shows the same topics as last time at once (the same ones, not found afresh,
// which keeps them as the researcher left them). The stamp names that state; the caller
// makes it. Anything damaged or from another version is no saved topics at all.
import { z } from 'zod';
import type { Topic } from './types';

const FORMAT = 'lit-review-topics';
/** Bumped whenever the shape of a topic changes. */
const VERSION = 1;

const TopicSchema: z.ZodType<Topic> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    keys: z.array(z.string().min(1)),
    why: z.string(),
    origin: z.enum(['rule', 'folder', 'auto', 'user', 'other']),
    terms: z.array(z.string()).optional(),
    children: z.array(TopicSchema).optional(),
  }),
);

const FileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  stamp: z.string(),
  topics: z.array(TopicSchema),
});

export interface SavedTopics {
  stamp: string;
  topics: Topic[];
}

export function serializeSavedTopics(saved: SavedTopics): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...saved });
}

/** The saved topics and their stamp, or undefined when the text is not whole saved topics of this version. */
export function parseSavedTopics(text: string): SavedTopics | undefined {
  try {
    const file = FileSchema.safeParse(JSON.parse(text));
    return file.success ? { stamp: file.data.stamp, topics: file.data.topics } : undefined;
  } catch {
    return undefined;
  }
}
