// Turns a listing file's bytes into text, refusing binaries and rescuing legacy encodings.

export type DecodedListing =
  | { kind: 'text'; text: string; warning?: string }
  | { kind: 'binary' };

/** Windows-1252's printable characters at 0x80..0x9f, where Latin-1 has control codes. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeListing(bytes: Uint8Array): DecodedListing {
  if (looksBinary(bytes)) return { kind: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { kind: 'text', text };
  } catch {
    return { kind: 'text', text: decodeWindows1252(bytes), warning: 'This file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure accents are right.' };
  }
}

/** A NUL byte in the first 8 KB marks a binary file (PDFs, images, archives); text never has one. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
