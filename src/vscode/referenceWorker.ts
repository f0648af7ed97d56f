// The worker thread that formats references: citeproc builds a style's engine in about two
// seconds the first time, which on the extension host's thread would freeze the editor.
// It answers one request at a time: { id, items, options } -> { id, references } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { formatCslItems, type ReferenceOptions } from '../core/csl/format';
import type { CslItem } from '../core/csl/toCsl';

export interface ReferenceRequest {
  id: number;
  items: CslItem[];
  options: Omit<ReferenceOptions, 'keyFor'>;
}

export type ReferenceReply = { id: number; references: string[] } | { id: number; error: string };

parentPort?.on('message', (request: ReferenceRequest) => {
  let reply: ReferenceReply;
  try {
    reply = { id: request.id, references: formatCslItems(request.items, request.options) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
