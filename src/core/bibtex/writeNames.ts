// How a display name ("Given von Family Jr.") splits into the parts a bibliography keeps apart.
// One set of rules for every writer: BibTeX's "von Family, Jr., Given" and CSL's name objects.

/** Words that make an author an organisation, written whole so no style splits or abbreviates it. */
const ORGANISATION_WORD = new RegExp(
  '\\b(team|teams|lab|labs|laboratory|laboratories|inc|corp|corporation|company|ltd|llc|gmbh|institute|institut|' +
    'university|universit\\w*|college|school|center|centre|consortium|collaboration|foundation|group|project|initiative|' +
    'association|society|council|committee|organi[sz]ation|agency|department|ministry|research|academy|community|' +
    'contributors|alliance|deepmind|openai|google|microsoft|meta|anthropic|nvidia|alibaba|tencent|baidu|bytedance|' +
    'apple|amazon|ibm|qwen|mistral|hugging\\s?face)\\b',
  'i',
);
/** "AI" only in capitals: Ai is also a given name. */
const ORGANISATION_MARK = /\bAI\b|\d|&/;

/** Name suffixes kept apart from the family name ("Family, Jr., Given"). */
const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;

export type NameParts =
  | { literal: string }
  | {
      given: string;
      family: string;
      /** Lower-case words before the family name: "von", "van der", "de la". */
      particle?: string;
      suffix?: string;
      /** Three or more plain words with no particle or suffix: where the family name starts is a guess. */
      uncertain?: boolean;
    };

/** One squashed display name, split; single words and organisations stay whole. */
export function splitDisplayName(name: string): NameParts {
  const words = name.split(' ');
  if (words.length === 1 || ORGANISATION_WORD.test(name) || ORGANISATION_MARK.test(name) || /\band\b/i.test(name) || name.includes(',')) {
    return { literal: name };
  }
  const suffix = words.length > 2 && SUFFIX.test(words[words.length - 1]!) ? words.pop() : undefined;
  let familyStart = words.length - 1;
  while (familyStart > 1 && /^\p{Ll}/u.test(words[familyStart - 1]!)) familyStart--;
  const given = words.slice(0, familyStart).join(' ');
  const familyWords = words.slice(familyStart);
  const family = familyWords.pop()!;
  const particle = familyWords.join(' ') || undefined;
  const uncertain = !suffix && !particle && words.length > 2;
  return { given, family, ...(particle ? { particle } : {}), ...(suffix ? { suffix } : {}), ...(uncertain ? { uncertain } : {}) };
}
