// PostgreSQL connection strings as a person writes them in a setting: a URL
// (`postgres://alice@db.lab.example/papers`), key=value pairs (`host=db dbname=papers`) or a
// service name from pg_service.conf. The password never belongs there: it is kept apart.

const URL_FORM = /^postgres(?:ql)?:\/\//i;

/** Whether the text carries a password (a URL's `user:password@`, a `password=` pair or parameter). */
export function hasPassword(connection: string): boolean {
  const text = connection.trim();
  if (URL_FORM.test(text)) {
    const authority = /^postgres(?:ql)?:\/\/([^/?#]*)/i.exec(text)?.[1] ?? '';
    const at = authority.lastIndexOf('@');
    if (at >= 0 && authority.slice(0, at).includes(':')) return true;
    return /[?&]password=/i.test(text);
  }
  return /(?:^|\s)password\s*=/i.test(text);
}

/** The text to show for a connection (status bar, messages): any password left out. */
export function describeConnection(connection: string): string {
  const text = connection.trim();
  if (URL_FORM.test(text)) {
    return text
      .replace(/^postgres(?:ql)?:\/\//i, '')
      .replace(/^([^/@:]*):[^@/]*@/, '$1@')
      .replace(/([?&])password=[^&]*&?/gi, '$1')
      .replace(/[?&]$/, '');
  }
  return text.replace(/(^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/gi, '$1').replace(/\s+/g, ' ').trim();
}

/** What the setting must look like, or undefined when it does. */
export function connectionProblem(connection: string): string | undefined {
  const text = connection.trim();
  if (!text) return undefined;
  if (hasPassword(text)) return 'a connection string without the password (Lit Review asks for it and keeps it in the editor’s secret storage)';
  if (URL_FORM.test(text) || text.includes('=')) return undefined;
  if (/^[A-Za-z0-9_.-]+$/.test(text)) return undefined;
  return 'a postgres:// URL, key=value pairs or a service name';
}

/** A message (an error's, say) with any password a connection string in it carried blanked out. */
export function redactPasswords(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:…@').replace(/(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]+)/gi, '$1…');
}
