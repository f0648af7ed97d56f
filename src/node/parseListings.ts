// Listings parsed for a publish, each with its parse result encoded for storing: on worker
// threads when the built worker is there and there is enough to parse (a million papers'
// listings take minutes on one thread), else here. Results come back in the listings' order.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Listing } from '../core/indexing/library';
import type { ParseResult } from '../core/paper/paper';
import { decodeCache, encodeCache } from '../core/persist/cache';
import { parseListing } from '../core/sources';
import type { ParseReply, ParseRequest } from './listingParserWorker';

export interface ListingToParse {
  listing: Listing;
  /** Its stamp, stored with the encoded result. */
  mtimeMs: number;
  size: number;
}

export interface ParsedListing {
  result: ParseResult;
  /** The result as the warm-start cache encodes it, under `producer`. */
  encoded: Uint8Array;
}

/** Fewer listings than this are parsed here: starting workers costs more than they save. */
const MIN_FOR_WORKERS = 16;
const MAX_WORKERS = 4;
/** Requests each worker has in hand, so that it never waits for the next. */
const IN_FLIGHT = 2;

export async function parseListings(items: readonly ListingToParse[], producer: string, workerScript?: string): Promise<ParsedListing[]> {
  const workers = Math.min(MAX_WORKERS, os.availableParallelism());
  if (!workerScript || !existsSync(workerScript) || items.length < MIN_FOR_WORKERS || workers < 2) {
    return items.map(({ listing, mtimeMs, size }) => {
      // (Without the format it was read as: the stored bytes do not keep it, and both ways give the same.)
      const { format: _format, ...result } = parseListing(listing.text, listing.file, { modifiedAt: listing.modifiedAt });
      return { result, encoded: encodeCache([{ file: listing.file, mtimeMs, size, result }], { producer }) };
    });
  }
  return parseInWorkers(items, producer, workerScript, workers);
}

function parseInWorkers(items: readonly ListingToParse[], producer: string, script: string, count: number): Promise<ParsedListing[]> {
  const parsed: ParsedListing[] = new Array(items.length);
  const pool = Array.from({ length: count }, () => new Worker(script));
  let next = 0;
  let done = 0;
  return new Promise<ParsedListing[]>((resolve, reject) => {
    const fail = (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)));
    const send = (worker: Worker) => {
      if (next >= items.length) return;
      const { listing, mtimeMs, size } = items[next]!;
      const request: ParseRequest = { id: next++, text: listing.text, file: listing.file, modifiedAt: listing.modifiedAt?.getTime(), mtimeMs, size, producer };
      worker.postMessage(request);
    };
    for (const worker of pool) {
      worker.on('error', fail);
      worker.on('exit', (code) => done < items.length && fail(new Error(`A listing parser stopped (exit code ${code}).`)));
      worker.on('message', (reply: ParseReply) => {
        if ('error' in reply) return fail(new Error(`Could not parse ${items[reply.id]!.listing.file}: ${reply.error}`));
        const result = decodeCache(reply.bytes, { producer })?.[0]?.result;
        if (!result) return fail(new Error(`The parse result of ${items[reply.id]!.listing.file} did not read back.`));
        parsed[reply.id] = { result, encoded: reply.bytes };
        if (++done === items.length) resolve(parsed);
        else send(worker);
      });
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
  }).finally(() => Promise.all(pool.map((worker) => worker.terminate())));
}
