// Formatted references (APA unless the settings name another CSL style), made on a worker
// thread so that the editor never waits for citeproc. The worker starts at the first
// request, or when `warm` is called once the editor is idle.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { toCslItem } from '../core/csl/toCsl';
import type { Paper } from '../core/paper/paper';
import type { Config } from './config';
import type { ReferenceReply, ReferenceRequest } from './referenceWorker';

/** A reference to format once, so that citeproc builds the style's engine before it is needed. */
const WARM_UP_ITEM = { id: 'warm-up', type: 'article', title: 'Warm-up', issued: { 'date-parts': [[2000]] } } as const;

/** The worker's file, beside the bundled extension. */
const WORKER_FILE = 'referenceWorker.js';

export class ReferenceFormatter implements vscode.Disposable {
  private worker?: Worker;
  private nextId = 0;
  private warmed = false;
  private readonly waiting = new Map<number, { resolve: (references: string[]) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly config: Config,
    private readonly distFolder: string,
  ) {}

  /** One formatted reference per paper, in the order given, each under the key it is cited by. */
  async format(papers: readonly Paper[], format: 'text' | 'html' = 'text'): Promise<string[]> {
    const { citationStyle, preferPublishedVersion } = this.config.settings;
    const style = await this.style(citationStyle);
    const items = papers.map((paper) => toCslItem(paper, paper.key, { version: preferPublishedVersion ? 'published' : 'preprint' }));
    return this.request({ items, options: { style, format } });
  }

  /** Starts the worker and builds the style's engine ahead of the first reference (once). */
  warm(): void {
    if (this.warmed) return;
    this.warmed = true;
    void this.style(this.config.settings.citationStyle)
      .then((style) => this.request({ items: [WARM_UP_ITEM], options: { style } }))
      .catch(() => undefined);
  }

  /** A shipped style's name, or the XML of a `.csl` file named relative to the workspace. */
  private async style(name: string): Promise<string> {
    if (!name.toLowerCase().endsWith('.csl')) return name;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = path.isAbsolute(name) ? vscode.Uri.file(name) : folder && vscode.Uri.joinPath(folder, name);
    if (!uri) throw new Error(`The citation style "${name}" is a file, and there is no workspace folder to find it in.`);
    const bytes = await vscode.workspace.fs.readFile(uri).then(
      (read) => read,
      () => undefined,
    );
    if (!bytes) throw new Error(`The citation style file "${name}" could not be read.`);
    return new TextDecoder().decode(bytes);
  }

  private request(request: Omit<ReferenceRequest, 'id'>): Promise<string[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.started().postMessage({ ...request, id } satisfies ReferenceRequest);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.join(this.distFolder, WORKER_FILE));
    worker.on('message', (reply: ReferenceReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.references);
    });
    worker.on('error', (error) => this.stopped(error));
    worker.on('exit', () => this.stopped(new Error('The reference formatter stopped.')));
    // The worker never keeps the extension host alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stopped(error: Error): void {
    this.worker = undefined;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
