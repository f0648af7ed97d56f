// What Check Bibliography finds for a note and its .bib file(s), with the fix for each: keys
// the note cites that the bibliography lacks, entries no note of the workspace cites, one
// paper under several keys, entries whose fields differ from the library. The check's list
// and the diagnostics in the .bib file both show these.
import * as vscode from 'vscode';
import { checkBibliography, readBibEntries, removeEntryEdit, staleFieldEdits, type BibFileEntry, type DuplicateEntries, type FieldDifference, type TextEdit } from '../../core/notes/bibliographyCheck';
import { noteBibliography } from '../../core/notes/frontMatter';
import type { Services } from '../shared/services';
import { CitationIndex, citationLabel } from '../shared/citationIndex';
import { bibtexEntry } from '../shared/entries';
import { noteLanguageOf } from '../shared/noteLanguage';

/** One finding, with the fix ticking it applies (none for what needs a person's judgement). */
export interface Finding {
  /** `missing:key`, `unused:key`, `stale:key`, `duplicate:key1,key2`. */
  id: string;
  kind: 'missing' | 'unused' | 'stale' | 'duplicate';
  label: string;
  detail: string;
  /** The key the finding is about (a duplicate's first). */
  key: string;
  file?: vscode.Uri;
  /** 1-based line in `file`. */
  line?: number;
  /** Edits of `file`'s text, as read for the check. */
  edits?: TextEdit[];
  /** An entry to append to `file` (all appended at once, in order). */
  append?: { key: string; text: string };
  /** A stale entry's fields, as the bibliography and the library write them. */
  fields?: FieldDifference[];
  /** Every entry of a duplicate, and what joins them. */
  places?: { key: string; file: vscode.Uri; line: number }[];
  reason?: DuplicateEntries['reason'];
}

/** A .bib file as the check read it. */
export interface BibText {
  uri: vscode.Uri;
  text: string;
}

export function findingsFor(services: Services, citations: CitationIndex, note: vscode.TextDocument, bibs: readonly BibText[]): Finding[] {
  const language = noteLanguageOf(note)!;
  citations.updateNow(note);
  const entries: BibFileEntry[] = bibs.flatMap((bib) => readBibEntries(bib.text, bib.uri.toString()).entries);
  const library = services.library.current;
  const own = noteBibliography(note.getText(), language);
  const defined = new Set(own.references.map((key) => key.toLowerCase()));
  // Missing, stale and duplicates: this note. Unused: no note of the workspace cites it (a .bib is often shared).
  const forNote = checkBibliography({ citations: citations.map.citationsOf(CitationIndex.idOf(note.uri)), entries, library, definedInNotes: (key) => defined.has(key.toLowerCase()) });
  const forAll = checkBibliography({ citations: citations.map.all(), citesAll: citations.map.citesAll() || own.nociteAll, entries });
  const entryOf = (key: string, file: string): BibFileEntry | undefined => entries.find((entry) => entry.key === key && entry.file === file);
  const textOf = (file: string): string => bibs.find((bib) => bib.uri.toString() === file)?.text ?? '';
  const first = bibs[0]!;
  const findings: Finding[] = [];

  for (const missing of forNote.missing) {
    const paper = library.byKey(missing.key);
    const where = citationLabel(missing.citations[0]!);
    if (!paper) {
      findings.push({ id: `missing:${missing.key}`, kind: 'missing', key: missing.key, label: `$(warning) ${missing.key}`, detail: `Cited at ${where}; the library has no paper with this key either` });
      continue;
    }
    findings.push({
      id: `missing:${missing.key}`, kind: 'missing', key: missing.key, label: `$(add) Add ${missing.key}`, file: first.uri,
      detail: `Cited at ${where}; its entry goes from the library to ${vscode.workspace.asRelativePath(first.uri)}`,
      append: { key: missing.key, text: bibtexEntry(paper, services.config.settings, missing.key) },
    });
  }
  for (const unused of forAll.unused) {
    const entry = entryOf(unused.key, unused.file);
    if (!entry) continue;
    findings.push({
      id: `unused:${unused.key}`, kind: 'unused', key: unused.key, label: `$(trash) Remove ${unused.key}`, file: vscode.Uri.parse(unused.file), line: unused.line,
      detail: `${fileLine(unused.file, unused.line)}: no note in the workspace cites it`,
      edits: [removeEntryEdit(textOf(unused.file), entry)],
    });
  }
  for (const stale of forNote.stale) {
    const entry = entryOf(stale.key, stale.file);
    if (!entry) continue;
    const fields = stale.fields.map((field) => field.field).join(', ');
    findings.push({
      id: `stale:${stale.key}`, kind: 'stale', key: stale.key, label: `$(sync) Update ${stale.key}`, file: vscode.Uri.parse(stale.file), line: stale.line,
      detail: `${fileLine(stale.file, stale.line)}: ${fields} ${stale.fields.length === 1 ? 'differs' : 'differ'} from the library`,
      edits: staleFieldEdits(textOf(stale.file), entry, stale.fields),
      fields: stale.fields,
    });
  }
  for (const duplicate of forNote.duplicates) {
    const places = duplicate.entries.map((entry) => fileLine(entry.file, entry.line)).join(', ');
    findings.push({
      id: `duplicate:${duplicate.keys.join(',')}`, kind: 'duplicate', key: duplicate.keys[0]!, label: `$(copy) ${duplicate.keys.join(' = ')}`,
      file: vscode.Uri.parse(duplicate.entries[0]!.file), line: duplicate.entries[0]!.line,
      detail: `Same ${duplicate.reason === 'library' ? 'paper in the library' : duplicate.reason} at ${places}; ticked, the first entry opens to merge by hand`,
      places: duplicate.entries.map((entry) => ({ key: entry.key, file: vscode.Uri.parse(entry.file), line: entry.line })),
      reason: duplicate.reason,
    });
  }
  return findings;
}

function fileLine(file: string, line: number): string {
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(file))}:${line}`;
}
