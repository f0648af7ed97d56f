// A paper's BibTeX entry as the settings ask for it (BibTeX or biblatex, with or without
// its abstract, the preprint or the published version): every place that writes one agrees.
import { formatBibtexEntry, type BibtexWriteOptions } from '../../core/bibtex/write';
import type { Paper } from '../../core/paper/paper';
import type { Settings } from '../../core/settings';

export function entryOptions(settings: Settings): Pick<BibtexWriteOptions, 'dialect' | 'abstracts' | 'version'> {
  return { dialect: settings.bibtexDialect, abstracts: settings.writeAbstracts, version: settings.preferPublishedVersion ? 'published' : 'preprint' };
}

/** The entry of `paper` under `key` (its own key by default), shaped by the settings. */
export function bibtexEntry(paper: Paper, settings: Settings, key?: string): string {
  return formatBibtexEntry(paper, { ...entryOptions(settings), ...(key ? { key } : {}) });
}
