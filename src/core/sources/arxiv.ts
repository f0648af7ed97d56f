import type { ParseContext, ParseResult } from '../paper';

// Placeholder until the parser lands.
export function parseArxivListing(_text: string, _file: string, _context?: ParseContext): ParseResult {
  return { papers: [], problems: [] };
}
