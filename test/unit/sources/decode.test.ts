import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeListing } from '../../../src/core/sources/decode';
import { readListings } from '../../../src/node/readListings';

describe('reading listing files', () => {
  it('decodes UTF-8, keeps a BOM out of the text, rescues Windows-1252 and refuses binaries', () => {
    assert.deepEqual(decodeListing(Buffer.from('Müller', 'utf8')), { kind: 'text', text: 'Müller' });
    assert.deepEqual(decodeListing(Buffer.from('\ufeffabc', 'utf8')), { kind: 'text', text: 'abc' });
    const legacy = decodeListing(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x93, 0x71, 0x94]));
    assert.equal(legacy.kind, 'text');
    assert.equal(legacy.kind === 'text' && legacy.text, 'Müller “q”');
    assert.ok(legacy.kind === 'text' && legacy.warning);
    assert.deepEqual(decodeListing(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])), { kind: 'binary' });
  });

  it('decodes UTF-16 with a byte order mark, little- and big-endian', () => {
    const text = '@article{k, author={Trägårdh, Christian}, title={注意 Attention}}\n';
    assert.deepEqual(decodeListing(utf16(text, 'le', true)), { kind: 'text', text });
    assert.deepEqual(decodeListing(utf16(text, 'be', true)), { kind: 'text', text });
  });

  it('decodes UTF-16 without a byte order mark by its pattern of NUL bytes', () => {
    const text = '- [Scaling Laws](https://example.org/a) by Müller\n';
    assert.deepEqual(decodeListing(utf16(text, 'le', false)), { kind: 'text', text });
    assert.deepEqual(decodeListing(utf16(text, 'be', false)), { kind: 'text', text });
  });

  it('drops a UTF-8 byte order mark', () => {
    assert.deepEqual(decodeListing(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('@misc{a, title={Å}}', 'utf8')])), { kind: 'text', text: '@misc{a, title={Å}}' });
  });

  it('still calls PDFs, images and archives binary', () => {
    const pdf = Uint8Array.from([...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n', 'latin1'), 0x78, 0x9c, 0x00, 0x00, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x61, 0x2e, 0x74, 0x78, 0x74]);
    for (const bytes of [pdf, png, zip]) assert.deepEqual(decodeListing(bytes), { kind: 'binary' });
    // Text-like bytes with a NUL in every other place, but NUL characters too: not UTF-16 text.
    assert.deepEqual(decodeListing(Uint8Array.from([0x61, 0x00, 0x62, 0x00, 0x00, 0x00, 0x63, 0x00])), { kind: 'binary' });
    // A byte order mark alone does not make an odd-length or broken file text.
    assert.deepEqual(decodeListing(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x00])), { kind: 'binary' });
    assert.deepEqual(decodeListing(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00])), { kind: 'binary' });
  });

  it('walks a folder, reporting loops, dangling links, binaries and big files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'lit-review-read-'));
    mkdirSync(path.join(root, 'sub'));
    writeFileSync(path.join(root, 'a.md'), '- [A Paper Title Here](https://example.org/a)\n');
    writeFileSync(path.join(root, 'sub', 'b.bib'), '@misc{b, title={B}}\n');
    writeFileSync(path.join(root, 'image.txt'), Buffer.from([1, 2, 0, 3]));
    writeFileSync(path.join(root, 'big.txt'), 'x'.repeat(2048));
    writeFileSync(path.join(root, 'ignored.pdf'), 'not read');
    symlinkSync(root, path.join(root, 'sub', 'loop'));
    symlinkSync(path.join(root, 'missing.md'), path.join(root, 'dangling.md'));
    const result = await readListings(root, { maxFileSizeMB: 1 / 1024 });
    assert.deepEqual(result.listings.map((l) => l.file), ['a.md', 'sub/b.bib']);
    const messages = result.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    assert.match(messages, /big\.txt: .*over the/);
    assert.match(messages, /image\.txt: .*binary/);
    assert.match(messages, /dangling\.md: .*dangling/);
    assert.match(messages, /sub\/loop: .*loop/);
  });

  it('reports a library folder that does not exist', async () => {
    const result = await readListings(path.join(tmpdir(), 'no-such-lit-review-folder'));
    assert.equal(result.listings.length, 0);
    assert.match(result.problems[0]!.message, /does not exist/);
  });
});

/** `text` as UTF-16 bytes in the given byte order, with or without a byte order mark. */
function utf16(text: string, order: 'le' | 'be', withMark: boolean): Uint8Array {
  const units = (withMark ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 * i] = first;
    bytes[2 * i + 1] = second;
  }
  return bytes;
}
