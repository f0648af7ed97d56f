// Builds Paper records for the tests of the tree, the hover cards and the details page.
import { PaperSchema, type Paper } from '../../src/core/paper/paper';

export type PaperFields = Partial<Omit<Paper, 'key' | 'title'>> & { key: string; title?: string };

export function makePaper(fields: PaperFields): Paper {
  return PaperSchema.parse({
    title: `Paper ${fields.key}`,
    sources: [{ file: 'papers/list.txt', line: 1 }],
    ...fields,
  });
}
