// Where the warm-start cache lives (the extension's storage for this workspace), read
// and written whole. A cache that cannot be read is an empty one.
import * as vscode from 'vscode';
import { decodeCache, encodeCache, type CacheEntry } from '../../core/cache';
import { writeAtomically } from '../atomicWrite';

const CACHE_FILE = 'library-cache.bin';

export class CacheStore {
  constructor(private readonly storage: vscode.Uri | undefined) {}

  get uri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, CACHE_FILE);
  }

  async load(): Promise<CacheEntry[]> {
    const uri = this.uri;
    if (!uri) return [];
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    return (bytes && decodeCache(bytes)) || [];
  }

  /** Throws when the storage cannot be written. */
  async save(entries: readonly CacheEntry[]): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.storage) return;
    await vscode.workspace.fs.createDirectory(this.storage);
    await writeAtomically(uri, encodeCache(entries));
  }
}
