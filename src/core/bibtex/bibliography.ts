// The library's .bib files read as one bibliography, as BibTeX reads `\bibliography{a,b,c}`:
// `@string` macros defined in one file apply in the others, and an entry's `crossref` or
// `xdata` may name an entry of another file. Each file is parsed on its own (so a change
// re-reads one file); the entries that need another file are finished here.

import { PaperDraftSchema, problem, type BibField, type PaperDraft, type ParseResult, type Problem } from '../paper/paper';
import { inheritFields, referencedKeys, type ReferenceLookup } from './references';
import { bibtexDraft, CONTAINER_TYPES } from './draft';
import { fillMacroPlaceholders, macroPlaceholders } from './read';

export interface ParsedFile {
  file: string;
  result: ParseResult;
}

/** Every file's drafts, in file order, with the entries that needed the rest of the library finished. */
export function resolveBibliography(files: readonly ParsedFile[]): { drafts: PaperDraft[]; problems: Problem[] } {
  const drafts = files.flatMap(({ result }) => result.papers);
  if (!drafts.some((draft) => draft.bibtex?.pending)) return { drafts, problems: [] };

  const macros = new Map<string, string>();
  for (const { result } of files) for (const [name, value] of result.macros ?? []) if (!macros.has(name)) macros.set(name, value);

  const problems: Problem[] = [];
  const filled = drafts.map((draft) => (draft.bibtex?.pending ? fillMacros(draft, macros, problems) : draft));
  const byKey = new Map<string, { draft: PaperDraft; entry: ReferenceLookup }>();
  for (const draft of filled) {
    const key = draft.pinnedKey?.toLowerCase();
    if (key && draft.bibtex && !byKey.has(key)) byKey.set(key, { draft, entry: { type: draft.entryType ?? 'misc', fields: [...draft.bibtex.fields, ...draft.bibtex.inherited] } });
  }

  const containers = new Set<string>();
  const finished = filled.map((draft) => {
    if (!draft.bibtex?.pending) return draft;
    const source = draft.sources[0]!;
    const name = `Entry '${draft.pinnedKey ?? `@${draft.entryType}`}' at line ${source.line}`;
    const crossref = referencedKeys(draft.bibtex.fields).crossref?.toLowerCase();
    const { inherited, missing } = inheritFields(draft.bibtex.fields, (key) => {
      const parent = byKey.get(key.toLowerCase());
      if (!parent || parent.draft === draft) return undefined;
      if (key.toLowerCase() === crossref && CONTAINER_TYPES.has(parent.entry.type)) containers.add(key.toLowerCase());
      return parent.entry;
    });
    for (const key of missing) problems.push(problem(source.file, source.line, `${name} refers to '${key}', which no .bib file of the library has.`, 'warning'));
    return redraft(draft, draft.bibtex.fields, inherited, problems) ?? draft;
  });
  const isContainer = (draft: PaperDraft): boolean => !draft.container && draft.bibtex !== undefined && containers.has(draft.pinnedKey?.toLowerCase() ?? '');
  return { drafts: finished.map((draft) => (isContainer(draft) ? { ...draft, container: true } : draft)), problems };
}

/** Puts the library's macros into an entry; one that no file defines reads as nothing, and says so. */
function fillMacros(draft: PaperDraft, macros: ReadonlyMap<string, string>, problems: Problem[]): PaperDraft {
  const record = draft.bibtex!;
  const source = draft.sources[0]!;
  const fill = (fields: readonly BibField[]): BibField[] => fields.map(([name, value]) => [name, fillMacroPlaceholders(value, macros)]);
  const undefinedNames = new Set(record.fields.flatMap(([, value]) => macroPlaceholders(value)).filter((name) => !macros.has(name)));
  for (const macro of undefinedNames) {
    problems.push(problem(source.file, source.line, `Entry '${draft.pinnedKey ?? `@${draft.entryType}`}' at line ${source.line} uses the macro '${macro}', which no @string of the library's .bib files defines; it reads as nothing.`, 'warning'));
  }
  return { ...draft, bibtex: { ...record, fields: fill(record.fields), inherited: fill(record.inherited) } };
}

function redraft(draft: PaperDraft, fields: BibField[], inherited: BibField[], problems: Problem[]): PaperDraft | undefined {
  const source = draft.sources[0]!;
  const raw = bibtexDraft({
    type: draft.entryType ?? 'misc',
    key: draft.pinnedKey ?? '',
    fields,
    inherited,
    pending: false,
    container: draft.container ?? false,
    file: source.file,
    line: source.line,
  });
  const parsed = raw && PaperDraftSchema.safeParse(raw);
  if (parsed?.success) return parsed.data;
  problems.push(problem(source.file, source.line, `Entry '${draft.pinnedKey ?? `@${draft.entryType}`}' at line ${source.line} could not be completed from the library's other .bib files.`, 'warning'));
  return undefined;
}
