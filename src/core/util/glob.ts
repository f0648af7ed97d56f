// Glob patterns as settings write them (`**/*.{bib,md}`, `**/node_modules/**`), matched
// against forward-slash paths, so the watcher filters changes the same way the scan does.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, including none.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      inBraces++;
      source += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces--;
      source += ')';
    } else if (c === ',' && inBraces) source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const pattern = new RegExp(`^${source}$`, 'i');
  cache.set(glob, pattern);
  return pattern;
}

/** Whether a path relative to a library folder passes the include and exclude globs. */
export function matchesGlobs(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
  return include.some((glob) => globToRegExp(glob).test(relativePath)) && !exclude.some((glob) => globToRegExp(glob).test(relativePath));
}
