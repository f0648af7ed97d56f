import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeListing } from '../../src/core/decode';
import { readListings } from '../../src/node/readListings';

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
    const result = await readListings(root, { maxFileBytes: 1024 });
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
