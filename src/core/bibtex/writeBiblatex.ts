// An entry in biblatex's own terms, as biber reads it without a source map: `journaltitle`,
// `location`, `date` in ISO 8601, `eprinttype`, and the entry types biblatex defines. Every
// field of the entry is still written; one is renamed only when its new name is free, so no
// entry ever holds a field twice.

/** A field as written: its name, its value, and whether the value goes bare (a month macro, say). */
export type Field = [name: string, value: string, bare?: boolean];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** BibTeX field names and the names biblatex gives the same data. */
const RENAMED: Record<string, string> = {
  journal: 'journaltitle',
  address: 'location',
  archiveprefix: 'eprinttype',
  primaryclass: 'eprintclass',
  annote: 'annotation',
};

/** BibTeX entry types biblatex keeps only as aliases, with the `type` a thesis or report then needs. */
const RETYPED: Record<string, { type: string; subtype?: string }> = {
  conference: { type: 'inproceedings' },
  electronic: { type: 'online' },
  www: { type: 'online' },
  phdthesis: { type: 'thesis', subtype: 'phdthesis' },
  mastersthesis: { type: 'thesis', subtype: 'mathesis' },
  techreport: { type: 'report', subtype: 'techreport' },
};

export interface BiblatexOptions {
  /** The entry was made from the listings, not written by the user: an arXiv-only @misc becomes @online. */
  generated: boolean;
  /** The paper's own date, which may know the day a generated entry's year and month do not. */
  date?: string;
}

export function biblatexEntry(type: string, fields: readonly Field[], options: BiblatexOptions): { type: string; fields: Field[] } {
  const lower = type.toLowerCase();
  const retyped = RETYPED[lower];
  let biblatexType = retyped?.type ?? type;
  const names = new Set(fields.map(([name]) => name.toLowerCase()));
  const out: Field[] = [];
  for (const [name, value, bare] of fields) {
    const lowerName = name.toLowerCase();
    const target = RENAMED[lowerName] ?? (lowerName === 'school' && biblatexType === 'thesis' ? 'institution' : undefined);
    if (target && !names.has(target)) {
      names.add(target);
      out.push([target, target === 'eprinttype' && /^arxiv$/i.test(value) ? 'arxiv' : value, bare]);
    } else {
      out.push([name, value, bare]);
    }
  }
  if (retyped?.subtype && !names.has('type')) out.push(['type', retyped.subtype]);
  const dated = withIsoDate(out, options.generated ? options.date : undefined);
  if (options.generated && lower === 'misc' && isArxivOnly(dated)) biblatexType = 'online';
  return { type: biblatexType, fields: dated };
}

/** An arXiv preprint with nothing else to say where it appeared. */
function isArxivOnly(fields: readonly Field[]): boolean {
  const value = (name: string): string | undefined => fields.find(([field]) => field === name)?.[1];
  return value('eprinttype') === 'arxiv' && value('eprint') !== undefined && value('howpublished') === undefined;
}

/**
 * `year` and `month` as one ISO 8601 `date` at the year's place, which biber requires of a
 * date. A year it could not parse ("2020a", "in press") stays a year; a date the user wrote
 * wins, and a year and month that only repeat it are left out.
 */
function withIsoDate(fields: Field[], known: string | undefined): Field[] {
  const index = (name: string): number => fields.findIndex(([field]) => field.toLowerCase() === name);
  const [yearAt, monthAt, dateAt] = [index('year'), index('month'), index('date')];
  if (yearAt < 0) return fields;
  const year = fields[yearAt]![1].trim();
  if (!/^\d{4}$/.test(year)) return fields;
  const month = monthAt >= 0 ? monthNumber(fields[monthAt]![1]) : undefined;
  if (monthAt >= 0 && month === undefined) return fields;
  const written = month ? `${year}-${String(month).padStart(2, '0')}` : year;
  const iso = known?.startsWith(written) ? known : written;
  if (dateAt >= 0) {
    const date = fields[dateAt]![1].trim();
    return date.startsWith(written) ? fields.filter((_, i) => i !== yearAt && i !== monthAt) : fields;
  }
  return fields.flatMap((field, i): Field[] => (i === yearAt ? [['date', iso]] : i === monthAt ? [] : [field]));
}

/** A month as written: `jan` (a macro, written bare), `1`, `01` or `January`. */
function monthNumber(value: string): number | undefined {
  const text = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const at = MONTHS.indexOf(text.slice(0, 3));
  return at >= 0 && (text.length === 3 || /^[a-z]+\.?$/.test(text)) ? at + 1 : undefined;
}
