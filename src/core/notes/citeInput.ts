// What a person types when asked for "a page or prefix" while citing: `p. 3`, `see, p. 3`,
// `see`, `chap. 2, and elsewhere`. Read into a prefix, a locator (as typed) and a suffix.
import { parseLocator } from './locator';

export interface CiteInput {
  prefix?: string;
  /** The locator as typed (`p. 3`); LaTeX writes its space as `~`. */
  locator?: string;
  suffix?: string;
}

/** Reads the one line a citation's notes are typed in; an empty line gives nothing. */
export function readCiteInput(text: string): CiteInput {
  const typed = text.trim();
  if (!typed) return {};
  const whole = locatorAndSuffix(typed);
  if (whole) return whole;
  const comma = typed.indexOf(',');
  if (comma < 0) return { prefix: typed };
  const prefix = typed.slice(0, comma).trim();
  const tail = typed.slice(comma + 1).trim();
  const after = locatorAndSuffix(tail) ?? (tail ? { suffix: tail } : {});
  return prefix ? { prefix, ...after } : after;
}

function locatorAndSuffix(text: string): CiteInput | undefined {
  const { locator, rest } = parseLocator(text);
  if (!locator) return undefined;
  const suffix = rest.trim().replace(/^,\s*/, '');
  const typed = text.slice(0, text.length - rest.length).trim();
  return suffix ? { locator: typed, suffix } : { locator: typed };
}
