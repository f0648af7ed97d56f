// Turns a listing file's bytes into text, refusing binaries and rescuing legacy encodings.

export type DecodedListing =
  | { kind: 'text'; text: string; warning?: string }
  | { kind: 'binary' };

/** Windows-1252's printable characters at 0x80..0x9f, where Latin-1 has control codes. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** How much of a file the sniffing looks at: enough to judge, cheap on a big file. */
const SNIFF_BYTES = 8192;

type Utf16Order = 'utf-16le' | 'utf-16be';

export function decodeListing(bytes: Uint8Array): DecodedListing {
  const marked = utf16ByMark(bytes);
  if (marked !== undefined) return decodeUtf16(bytes, marked);
  if (hasNulByte(bytes)) {
    const sniffed = utf16ByNulBytes(bytes);
    return sniffed !== undefined ? decodeUtf16(bytes, sniffed) : { kind: 'binary' };
  }
  try {
    // A UTF-8 byte order mark is dropped here (ignoreBOM: false).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { kind: 'text', text };
  } catch {
    return { kind: 'text', text: decodeWindows1252(bytes), warning: 'This file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure accents are right.' };
  }
}

function utf16ByMark(bytes: Uint8Array): Utf16Order | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without a byte order mark, as some Windows tools write it: in text that is mostly
 * ASCII, every other byte is NUL. Binaries have NUL bytes too, but not as the high byte of
 * text: somewhere they spell a control character, whichever way round the bytes are read.
 */
function utf16ByNulBytes(bytes: Uint8Array): Utf16Order | undefined {
  // UTF-16 comes in pairs of bytes.
  if (bytes.length % 2 !== 0) return undefined;
  if (looksLikeAsciiHeavyUtf16(bytes, true)) return 'utf-16le';
  if (looksLikeAsciiHeavyUtf16(bytes, false)) return 'utf-16be';
  return undefined;
}

/** Tab, line feed, vertical tab, form feed, carriage return: the control characters text holds. */
const isTextControl = (unit: number): boolean => unit >= 0x09 && unit <= 0x0d;

/**
 * Every code unit of the sample is a character text holds, and at least half are printable
 * ASCII: a binary's few NUL bytes can pass the first test by chance, not both.
 */
function looksLikeAsciiHeavyUtf16(bytes: Uint8Array, littleEndian: boolean): boolean {
  const units = Math.min(bytes.length, SNIFF_BYTES) / 2;
  let printableAscii = 0;
  for (let k = 0; k < units; k++) {
    const first = bytes[2 * k]!;
    const second = bytes[2 * k + 1]!;
    const unit = littleEndian ? (second << 8) | first : (first << 8) | second;
    if (unit < 0x20 && !isTextControl(unit)) return false;
    if (unit >= 0x20 && unit < 0x7f) printableAscii++;
  }
  return printableAscii * 2 >= units;
}

/** UTF-16 text, its byte order mark dropped; broken UTF-16 (a lone surrogate, an odd byte) is no text. */
function decodeUtf16(bytes: Uint8Array, order: Utf16Order): DecodedListing {
  if (bytes.length % 2 !== 0) return { kind: 'binary' };
  let text: string;
  try {
    text = new TextDecoder(order, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { kind: 'binary' };
  }
  return text.includes('\0') ? { kind: 'binary' } : { kind: 'text', text };
}

/** A NUL byte in the first 8 KB marks a binary file (PDFs, images, archives); UTF-8 text never has one. */
function hasNulByte(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
