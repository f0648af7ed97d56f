// Every Lit Review setting, validated by zod. A wrong value falls back to its default and
// is reported by name with the fix, so one typo in settings.json never stops the extension.
import { z } from 'zod';
import { DEFAULT_KEY_TEMPLATE } from './paper/keys';
import { connectionProblem } from './util/connectionString';

const TopicRuleSchema = z.object({
  name: z.string().min(1),
  match: z.array(z.string().min(1)).min(1),
  exclude: z.array(z.string().min(1)).optional(),
});

/** Each setting's schema with its default; the keys are the names after `litReview.`. */
export const SETTING_SCHEMAS = {
  libraryFolders: z.array(z.string().min(1)).default(['papers']),
  include: z.array(z.string().min(1)).default(['**/*.{bib,bibtex,json,txt,md,markdown}']),
  exclude: z.array(z.string().min(1)).default(['**/node_modules/**', '**/.git/**']),
  bibliographyFile: z.string().min(1).regex(/\.bib$/i, 'a file name ending in .bib').default('references.bib'),
  syncBibliography: z.boolean().default(true),
  citationFormat: z
    .object({
      markdown: z.string().includes('{keys}', { message: 'a template containing {keys}' }).default('[{keys}]'),
      latex: z.string().includes('{keys}', { message: 'a template containing {keys}' }).default('\\cite{{keys}}'),
    })
    .default({ markdown: '[{keys}]', latex: '\\cite{{keys}}' }),
  latexCiteCommand: z.string().regex(/^\\?[A-Za-z]*cite[A-Za-z]*\*?$/, 'a LaTeX cite command such as \\cite, \\citep or \\parencite').default('\\cite'),
  keyTemplate: z
    .string()
    .refine((t) => /\{(short|author|title|year)\}/.test(t), 'a template using {short}, {author}, {title} or {year}')
    .default(DEFAULT_KEY_TEMPLATE),
  sortOrder: z.enum(['newest', 'upvotes', 'title']).default('newest'),
  groupBy: z.enum(['topic', 'year', 'file']).default('topic'),
  topicRules: z.array(TopicRuleSchema).default([]),
  folderTopics: z.boolean().default(true),
  maxFileSizeMB: z.number().positive().max(1024).default(20),
  bibtexDialect: z.enum(['bibtex', 'biblatex']).default('bibtex'),
  writeAbstracts: z.boolean().default(true),
  preferPublishedVersion: z.boolean().default(false),
  citationStyle: z.string().min(1).default('apa'),
  allowNetwork: z.boolean().default(true),
  huggingFaceUrl: z.string().url().default('https://huggingface.co'),
  arxivUrl: z.string().url().default('https://export.arxiv.org'),
  crossrefUrl: z.string().url().default('https://api.crossref.org'),
  'sharedLibrary.connection': z
    .string()
    .trim()
    .refine((text) => connectionProblem(text) === undefined, { error: (issue) => connectionProblem(String(issue.input)) ?? 'a connection string' })
    .default(''),
} as const;

export type SettingName = keyof typeof SETTING_SCHEMAS;
export type Settings = { [K in SettingName]: z.output<(typeof SETTING_SCHEMAS)[K]> };

export interface SettingError {
  setting: `litReview.${SettingName}`;
  message: string;
}

/** Every setting at its default. */
export function defaultSettings(): Settings {
  return validateSettings(() => undefined).settings;
}

/** Validates raw values (undefined = not set); never throws. */
export function validateSettings(read: (name: SettingName) => unknown): { settings: Settings; errors: SettingError[] } {
  const settings = {} as Record<SettingName, unknown>;
  const errors: SettingError[] = [];
  for (const name of Object.keys(SETTING_SCHEMAS) as SettingName[]) {
    const schema = SETTING_SCHEMAS[name];
    const parsed = schema.safeParse(read(name));
    if (parsed.success) {
      settings[name] = parsed.data;
    } else {
      settings[name] = schema.parse(undefined);
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
      errors.push({ setting: `litReview.${name}`, message: `expected ${describe(issue?.message)}${where}; using the default until it is fixed.` });
    }
  }
  return { settings: settings as Settings, errors };
}

/** Turns zod's "Invalid input: expected array, received string" into "array, received string". */
function describe(message: string | undefined): string {
  const text = message ?? 'a valid value';
  const expected = /expected (.*)$/i.exec(text);
  return expected ? expected[1]! : text;
}
