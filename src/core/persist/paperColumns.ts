// Paper drafts as columns: their numbers (string lengths, list sizes, integers) in one
// Int32 run, and their strings back to back in two texts, one for plain ASCII strings and
// one for the rest. Reading 100k papers back is then two decodes and a walk over
// integers, where JSON scans every character of every abstract for quotes and escapes.
// The split matters: one accented author would otherwise make the whole text, abstracts
// and all, a string of two-byte characters, twice the memory and far slower to decode.
//
// The field order below is the format: a field added to PaperDraft must be added here
// and the cache version bumped (a test round-trips a draft with every field set).
import type { AliasEntry, BibField, BibtexRecord, PaperDraft, Source } from '../paper/paper';

/** Marks an optional field that is absent; every count and integer is otherwise >= 0. */
const ABSENT = -1;
/** A string of the second text is written as its length, negated, less this. */
const WIDE = -2;
const ASCII = /^[\x00-\x7f]*$/;

type TextField = 'abstract' | 'organization' | 'date' | 'arxivId' | 'doi' | 'venue' | 'entryType' | 'pinnedKey';
type IntegerField = 'authorCount' | 'year' | 'upvotes';
type ListField = 'authors' | 'links' | 'keywords';

/** After the title, in this order. */
const FIELDS: readonly (['text', TextField] | ['integer', IntegerField] | ['list', ListField])[] = [
  ['text', 'abstract'],
  ['list', 'authors'],
  ['integer', 'authorCount'],
  ['text', 'organization'],
  ['text', 'date'],
  ['integer', 'year'],
  ['integer', 'upvotes'],
  ['list', 'links'],
  ['text', 'arxivId'],
  ['text', 'doi'],
  ['text', 'venue'],
  ['text', 'entryType'],
  ['list', 'keywords'],
  ['text', 'pinnedKey'],
];

/** The columns of some papers, filled one paper at a time. */
export class PaperColumnWriter {
  readonly numbers: number[] = [];
  /** Strings of ASCII characters only. */
  readonly ascii: string[] = [];
  /** Every other string. */
  readonly wide: string[] = [];

  write(paper: PaperDraft): void {
    this.text(paper.title);
    for (const [kind, name] of FIELDS) {
      if (kind === 'text') this.optionalText(paper[name]);
      else if (kind === 'integer') this.numbers.push(paper[name] ?? ABSENT);
      else this.list(paper[name]);
    }
    this.optionalList(paper.aliases);
    this.numbers.push(paper.container ? 1 : ABSENT);
    this.record(paper.bibtex);
    this.aliasEntries(paper.aliasEntries);
    this.numbers.push(paper.sources.length);
    for (const source of paper.sources) {
      this.text(source.file);
      this.numbers.push(source.line);
    }
  }

  private text(value: string): void {
    if (ASCII.test(value)) {
      this.numbers.push(value.length);
      this.ascii.push(value);
    } else {
      this.numbers.push(WIDE - value.length);
      this.wide.push(value);
    }
  }

  private optionalText(value: string | undefined): void {
    if (value === undefined) this.numbers.push(ABSENT);
    else this.text(value);
  }

  private list(values: readonly string[]): void {
    this.numbers.push(values.length);
    for (const value of values) this.text(value);
  }

  private optionalList(values: readonly string[] | undefined): void {
    if (values === undefined) this.numbers.push(ABSENT);
    else this.list(values);
  }

  /** Absent, or how many, then each one's key, type and record. */
  private aliasEntries(entries: readonly AliasEntry[] | undefined): void {
    if (entries === undefined) {
      this.numbers.push(ABSENT);
      return;
    }
    this.numbers.push(entries.length);
    for (const entry of entries) {
      this.text(entry.key);
      this.optionalText(entry.entryType);
      this.record(entry.bibtex);
    }
  }

  /** Absent, or whether it is pending (0 or 1) and its two field lists. */
  private record(record: BibtexRecord | undefined): void {
    if (!record) {
      this.numbers.push(ABSENT);
      return;
    }
    this.numbers.push(record.pending ? 1 : 0);
    for (const fields of [record.fields, record.inherited]) {
      this.numbers.push(fields.length);
      for (const [name, value] of fields) {
        this.text(name);
        this.text(value);
      }
    }
  }
}

/** Thrown when the columns do not hold what the writer wrote: the cache is damaged. */
export class DamagedColumns extends Error {}

/** Reads papers back in the order they were written. */
export class PaperColumnReader {
  private number = 0;
  private asciiAt = 0;
  private wideAt = 0;

  constructor(
    private readonly numbers: Int32Array,
    private readonly ascii: string,
    private readonly wide: string,
  ) {}

  /** True once every number and every character has been read, as after a whole entry. */
  get atEnd(): boolean {
    return this.number === this.numbers.length && this.asciiAt === this.ascii.length && this.wideAt === this.wide.length;
  }

  read(): PaperDraft {
    const paper: Record<string, unknown> = { title: this.requiredText() };
    for (const [kind, name] of FIELDS) {
      if (kind === 'text') {
        const value = this.optionalText();
        if (value !== undefined) paper[name] = value;
      } else if (kind === 'integer') {
        const value = this.next();
        if (value !== ABSENT) paper[name] = value;
      } else paper[name] = this.list();
    }
    if (this.nextRaw() !== ABSENT) {
      this.number--;
      paper.aliases = this.list();
    }
    if (this.next() !== ABSENT) paper.container = true;
    const record = this.record();
    if (record) paper.bibtex = record;
    if (this.nextRaw() !== ABSENT) {
      this.number--;
      const entries: AliasEntry[] = [];
      for (let count = this.count(); count > 0; count--) {
        const key = this.requiredText();
        const entryType = this.optionalText();
        const bibtex = this.record();
        if (!bibtex) throw new DamagedColumns('an alias entry without its fields');
        entries.push(entryType === undefined ? { key, bibtex } : { key, entryType, bibtex });
      }
      paper.aliasEntries = entries;
    }
    const sources: Source[] = [];
    for (let count = this.count(); count > 0; count--) sources.push({ file: this.requiredText(), line: this.next() });
    paper.sources = sources;
    return paper as PaperDraft;
  }

  private next(): number {
    const value = this.nextRaw();
    if (value < ABSENT) throw new DamagedColumns(`a negative number (${value})`);
    return value;
  }

  private nextRaw(): number {
    if (this.number >= this.numbers.length) throw new DamagedColumns('the numbers end early');
    return this.numbers[this.number++]!;
  }

  private count(): number {
    const count = this.next();
    // Every listed item takes at least one number: a larger count is damage, not a list.
    if (count === ABSENT || count > this.numbers.length - this.number) throw new DamagedColumns(`an impossible count (${count})`);
    return count;
  }

  private requiredText(): string {
    const value = this.optionalText();
    if (value === undefined) throw new DamagedColumns('a required text is absent');
    return value;
  }

  private optionalText(): string | undefined {
    const length = this.nextRaw();
    if (length === ABSENT) return undefined;
    if (length >= 0) {
      const end = this.asciiAt + length;
      if (end > this.ascii.length) throw new DamagedColumns('the ASCII text ends early');
      const value = this.ascii.slice(this.asciiAt, end);
      this.asciiAt = end;
      return value;
    }
    const end = this.wideAt + WIDE - length;
    if (end > this.wide.length) throw new DamagedColumns('the other text ends early');
    const value = this.wide.slice(this.wideAt, end);
    this.wideAt = end;
    return value;
  }

  private record(): BibtexRecord | undefined {
    const pending = this.next();
    if (pending === ABSENT) return undefined;
    return { fields: this.fields(), inherited: this.fields(), ...(pending === 1 ? { pending: true } : {}) };
  }

  private fields(): BibField[] {
    const fields: BibField[] = [];
    for (let count = this.count(); count > 0; count--) fields.push([this.requiredText(), this.requiredText()]);
    return fields;
  }

  private list(): string[] {
    const values: string[] = [];
    for (let count = this.count(); count > 0; count--) values.push(this.requiredText());
    return values;
  }
}
