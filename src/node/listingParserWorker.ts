// A worker thread that parses listings: { id, text, file, ... } -> { id, bytes } or
// { id, error }. The parse result goes back encoded as the warm-start cache encodes it, its
// bytes moved rather than copied; decoding them costs a fraction of parsing.
import { parentPort } from 'node:worker_threads';
import { encodeCache } from '../core/persist/cache';
import { parseListing } from '../core/sources';

export interface ParseRequest {
  id: number;
  text: string;
  file: string;
  /** Milliseconds since 1970 (a Date does not cross to a worker as one). */
  modifiedAt?: number;
  mtimeMs: number;
  size: number;
  producer: string;
}

export type ParseReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (request: ParseRequest) => {
  try {
    const result = parseListing(request.text, request.file, { modifiedAt: request.modifiedAt === undefined ? undefined : new Date(request.modifiedAt) });
    const bytes = encodeCache([{ file: request.file, mtimeMs: request.mtimeMs, size: request.size, result }], { producer: request.producer });
    const reply: ParseReply = { id: request.id, bytes };
    parentPort!.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const reply: ParseReply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(reply);
  }
});
