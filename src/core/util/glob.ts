// Glob patterns as settings write them (`**/*.{bib,md}`, `**/node_modules/**`), matched
// against forward-slash paths relative to a library folder, so the extension's scan, its
// watcher and the command line choose the same files. picomatch does the matching: glob
// syntax has more corners (classes, extglobs, `dir/**` matching `dir`) than is worth owning.
import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcherOf(glob: string): (path: string) => boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    // Case-insensitive, as file systems researchers use (macOS, Windows) are; dot files too.
    matcher = picomatch(glob, { nocase: true, dot: true });
    matchers.set(glob, matcher);
  }
  return matcher;
}

/** Whether a path relative to a library folder passes the include and exclude globs. */
export function matchesGlobs(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
  return include.some((glob) => matcherOf(glob)(relativePath)) && !exclude.some((glob) => matcherOf(glob)(relativePath));
}
