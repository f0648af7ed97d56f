// What a person pastes to add a paper: an arXiv id or link (old-style ids too), a DOI or a
// doi.org link, a Hugging Face paper link, or a whole BibTeX entry.
import { parseArxivId, parseDoiField } from '../util/text';

export type Identifier = { kind: 'arxiv'; arxivId: string } | { kind: 'doi'; doi: string } | { kind: 'bibtex'; text: string };

/** arXiv's own DOIs name the preprint: it is looked up at arXiv, where it is. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** What `input` names, or undefined when it is none of the above. */
export function parseIdentifier(input: string): Identifier | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (/^@\s*[A-Za-z]+\s*[{(]/.test(text)) return { kind: 'bibtex', text };
  if (/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/|10\.\d{4,9}\/)/i.test(text)) {
    const doi = parseDoiField(decoded(text.replace(/[?#].*$/, '')));
    if (!doi) return undefined;
    const arxiv = ARXIV_DOI.exec(doi);
    const arxivId = arxiv ? parseArxivId(arxiv[1]!) : undefined;
    return arxivId ? { kind: 'arxiv', arxivId } : { kind: 'doi', doi };
  }
  // A link or an id on its own, not an id somewhere in a sentence.
  if (/\s/.test(text) && !/^arxiv:\s*\S+$/i.test(text)) return undefined;
  const arxivId = parseArxivId(text);
  return arxivId ? { kind: 'arxiv', arxivId } : undefined;
}

/** A link's percent-escapes decoded (`10.1000%2Fabc`); a broken escape leaves it as it was. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
