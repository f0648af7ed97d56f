import type { ParseContext, ParseResult } from '../paper';

export function parseHfDailyText(_text: string, _file: string, _context?: ParseContext): ParseResult {
  return { papers: [], problems: [] };
}
