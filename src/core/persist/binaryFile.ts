// The layout shared by the files a warm start reads back: a magic line naming the kind of
// file, the length of a JSON header, the header, then binary sections, each starting on a
// 4-byte boundary so that integers can be read in place.

/** Integers are written in this machine's byte order: these files never leave it. */
export const BYTE_ORDER = new Uint8Array(new Int32Array([1]).buffer)[0] === 1 ? 'little' : 'big';

/**
 * The file: magic, header, then the sections in order, each padded to a multiple of 4
 * bytes. A section given as a list of parts is their bytes back to back.
 */
export function writeBinaryFile(magic: string, header: unknown, sections: readonly (Uint8Array | readonly Uint8Array[])[]): Uint8Array {
  const magicBytes = new TextEncoder().encode(magic);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerAt = magicBytes.length + 4;
  const bodyAt = align(headerAt + headerBytes.length);
  const parts = sections.map((section) => (section instanceof Uint8Array ? [section] : section));
  const bytes = new Uint8Array(parts.reduce((total, section) => total + align(lengthOf(section)), bodyAt));
  bytes.set(magicBytes, 0);
  new DataView(bytes.buffer).setUint32(magicBytes.length, headerBytes.length, true);
  bytes.set(headerBytes, headerAt);
  let at = bodyAt;
  for (const section of parts) {
    for (const part of section) {
      bytes.set(part, at);
      at += part.length;
    }
    at = align(at);
  }
  return bytes;
}

function lengthOf(parts: readonly Uint8Array[]): number {
  return parts.reduce((total, part) => total + part.length, 0);
}

/**
 * The header (parsed JSON, still to be checked) and a reader for the sections, or
 * undefined when the bytes are not this kind of file. Throws on a header that is not JSON.
 */
export function readBinaryFile(bytes: Uint8Array, magic: string): { header: unknown; sections: SectionReader } | undefined {
  const magicBytes = new TextEncoder().encode(magic);
  const headerAt = magicBytes.length + 4;
  if (bytes.length < headerAt || magicBytes.some((byte, i) => bytes[i] !== byte)) return undefined;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(magicBytes.length, true);
  if (headerAt + headerLength > bytes.length) return undefined;
  const header: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(headerAt, headerAt + headerLength)));
  return { header, sections: new SectionReader(bytes, align(headerAt + headerLength)) };
}

/** Thrown when the sections do not hold what the header says: the file is damaged. */
class DamagedFile extends Error {}

/** Reads the sections one after another; each read checks that the bytes are there. */
export class SectionReader {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
  ) {}

  /** True once every section has been read. */
  get atEnd(): boolean {
    return this.at === this.bytes.length;
  }

  /** The next section's bytes, `length` of them. */
  raw(length: number): Uint8Array {
    const end = this.at + length;
    if (!Number.isInteger(length) || length < 0 || end > this.bytes.length) throw new DamagedFile('a section runs past the end');
    const section = this.bytes.subarray(this.at, end);
    this.at = align(end);
    return section;
  }

  /** `count` integers. */
  int32s(count: number): Int32Array {
    return int32sAt(this.raw(count * 4), count);
  }

  /** `length` bytes of UTF-8 text. Throws on bytes that are not UTF-8. */
  text(length: number): string {
    return this.utf8.decode(this.raw(length));
  }
}

/** The first `count` integers of `bytes`, without a copy when they are aligned in memory. */
function int32sAt(bytes: Uint8Array, count: number): Int32Array {
  return bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, count) : new Int32Array(bytes.slice(0, count * 4).buffer);
}

/** An Int32Array's bytes, for a section. */
export function int32Bytes(values: Int32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function align(length: number): number {
  return Math.ceil(length / 4) * 4;
}
