// Topics the user states: rules from settings, and folders when listings are sorted into them.
import type { Paper } from '../paper/paper';
import { toAscii } from '../util/text';
import { singular } from './vocabulary';
import type { TopicRule } from './types';

export type Matcher = (text: string) => boolean;

/**
 * A rule's phrase matches whole words, ignoring case, accents, hyphens and plurals;
 * `/.../flags` is a regular expression (one that does not compile is read as a phrase).
 */
export function compileMatcher(pattern: string): Matcher | undefined {
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(pattern.trim());
  if (regex) {
    try {
      const compiled = new RegExp(regex[1]!, regex[2]!.replace(/[gy]/g, ''));
      return (text) => compiled.test(text);
    } catch {
      // Not a valid expression: fall through and match it as words.
    }
  }
  const words = toAscii(pattern).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return undefined;
  const body = words.map(wordPattern).join('[\\s\\-_]+');
  const compiled = new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'i');
  return (text) => compiled.test(toAscii(text));
}

/** "query" also matches "queries", "agent" also "agents". */
function wordPattern(word: string): string {
  const base = singular(word);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (/[^aeiou]y$/.test(base)) return `${escaped.slice(0, -1)}(?:y|ies)`;
  return `${escaped}(?:s|es)?`;
}

/** The text rules look at: title, abstract and the listing's keywords. */
export function ruleText(paper: Paper): string {
  return [paper.title, paper.abstract ?? '', ...paper.keywords].join('\n');
}

export function ruleMembers(rule: TopicRule, papers: readonly Paper[]): number[] {
  const include = rule.match.map(compileMatcher).filter((m): m is Matcher => m !== undefined);
  const exclude = (rule.exclude ?? []).map(compileMatcher).filter((m): m is Matcher => m !== undefined);
  const members: number[] = [];
  papers.forEach((paper, doc) => {
    const text = ruleText(paper);
    if (include.some((m) => m(text)) && !exclude.some((m) => m(text))) members.push(doc);
  });
  return members;
}

/** The folder a listing sits in, relative to the library root ("rl" for "rl/foo.bib"). */
export function folderOf(file: string): string | undefined {
  const path = file.replace(/\\/g, '/');
  // Absolute paths come from files outside any library folder: their folders mean nothing here.
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return undefined;
  const slash = path.lastIndexOf('/');
  const folder = slash > 0 ? path.slice(0, slash).replace(/^(\.\/)+/, '') : '';
  // A hidden folder (Lit Review's own `.lit-review`, say) holds records, not a subject.
  if (folder.split('/').some((part) => part.startsWith('.'))) return undefined;
  return folder && folder !== '.' ? folder : undefined;
}

/** Folder -> papers (index positions) with a listing in it. */
export function folderMembers(papers: readonly Paper[]): Map<string, number[]> {
  const folders = new Map<string, number[]>();
  papers.forEach((paper, doc) => {
    for (const folder of new Set(paper.sources.map((s) => folderOf(s.file)))) {
      if (!folder) continue;
      const list = folders.get(folder) ?? [];
      list.push(doc);
      folders.set(folder, list);
    }
  });
  return folders;
}
