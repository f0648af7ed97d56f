// Where the warm-start files live (the extension's storage for this workspace): the
// library as last shown, the parse cache, the saved search index and the saved topics,
// each read and written whole. A file that cannot be read is an empty cache, or nothing saved.
import * as vscode from 'vscode';
import { decodeCache, encodeCacheSteps, type CacheEntry } from '../core/persist/cache';
import { decodeLibrarySnapshot, encodeSnapshotSteps, type LibrarySnapshot } from '../core/persist/librarySnapshot';
import type { Paper } from '../core/paper/paper';
import { decodeSearchIndex, encodeSearchIndex, type SearchIndex } from '../core/search';
import { parseSavedTopics, serializeSavedTopics, type SavedTopics } from '../core/topics';
import { writeAtomically } from './atomicWrite';
import { inSlices } from './slices';

const CACHE_FILE = 'library-cache.bin';
const SNAPSHOT_FILE = 'library-snapshot.bin';
const SEARCH_INDEX_FILE = 'search-index.bin';
const TOPICS_FILE = 'topics.json';

export class CacheStore {
  /**
   * `producer` names what parsed the cached listings (the extension's version): a cache
   * another version wrote is not used, so a parser fix reaches files that did not change.
   */
  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly producer: string,
  ) {}

  get uri(): vscode.Uri | undefined {
    return this.stored(CACHE_FILE);
  }

  get searchIndexUri(): vscode.Uri | undefined {
    return this.stored(SEARCH_INDEX_FILE);
  }

  async load(): Promise<CacheEntry[]> {
    const bytes = await read(this.uri);
    return (bytes && decodeCache(bytes, { producer: this.producer })) || [];
  }

  /** Throws when the storage cannot be written. */
  async save(entries: readonly CacheEntry[]): Promise<void> {
    // Encoded a slice at a time: 100k papers take a second or two.
    await this.write(this.uri, (await inSlices(encodeCacheSteps(entries, { producer: this.producer })))!);
  }

  /**
   * The library as last shown, if it was saved by this producer with these settings
   * (`readWith` names the settings that change how listings are read and keyed).
   */
  async loadSnapshot(readWith: string): Promise<LibrarySnapshot | undefined> {
    const bytes = await read(this.stored(SNAPSHOT_FILE));
    return bytes && decodeLibrarySnapshot(bytes, { producer: this.snapshotProducer(readWith) });
  }

  /** Throws when the storage cannot be written. */
  async saveSnapshot(snapshot: LibrarySnapshot, readWith: string): Promise<void> {
    await this.write(this.stored(SNAPSHOT_FILE), (await inSlices(encodeSnapshotSteps(snapshot, { producer: this.snapshotProducer(readWith) })))!);
  }

  private snapshotProducer(readWith: string): string {
    return `${this.producer} ${readWith}`;
  }

  /** The saved index, if it was saved for this stamp and these papers (in the order it was built from). */
  async loadSearchIndex(papers: readonly Paper[], stamp: string): Promise<SearchIndex | undefined> {
    const bytes = await read(this.searchIndexUri);
    return bytes && decodeSearchIndex(bytes, papers, stamp);
  }

  /** Throws when the storage cannot be written. */
  async saveSearchIndex(index: SearchIndex, stamp: string): Promise<void> {
    await this.write(this.searchIndexUri, encodeSearchIndex(index, stamp));
  }

  async loadTopics(): Promise<SavedTopics | undefined> {
    const bytes = await read(this.stored(TOPICS_FILE));
    return bytes && parseSavedTopics(new TextDecoder().decode(bytes));
  }

  /** Throws when the storage cannot be written. */
  async saveTopics(saved: SavedTopics): Promise<void> {
    await this.write(this.stored(TOPICS_FILE), new TextEncoder().encode(serializeSavedTopics(saved)));
  }

  private stored(name: string): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, name);
  }

  private async write(uri: vscode.Uri | undefined, bytes: Uint8Array): Promise<void> {
    if (!uri || !this.storage) return;
    await vscode.workspace.fs.createDirectory(this.storage);
    await writeAtomically(uri, bytes);
  }
}

async function read(uri: vscode.Uri | undefined): Promise<Uint8Array | undefined> {
  return uri && vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => undefined);
}
