// Shared by the resolve tests: the replay server and services pointed at it, whose waits
// are recorded instead of waited.
import { Library } from '../../../src/core/indexing/library';
import type { FetchLike } from '../../../src/core/resolve/http';
import { createServices, type ServiceSettings, type Services } from '../../../src/core/resolve/resolver';
import { ReplayServer } from '../../services/replayServer';

export interface Harness {
  services: Services;
  /** Every wait the clients asked for, in ms. */
  waits: number[];
  /** Every request's headers. */
  headers: Record<string, string>[];
}

export function servicesFor(server: ReplayServer, settings: Partial<ServiceSettings> = {}): Harness {
  const waits: number[] = [];
  const headers: Record<string, string>[] = [];
  const recordingFetch: FetchLike = (url, init) => {
    headers.push(init.headers);
    return fetch(url, init);
  };
  const services = createServices({
    fetch: recordingFetch,
    userAgent: 'Lit Review/0.0.0-test',
    huggingFaceUrl: server.url('huggingface'),
    arxivUrl: server.url('arxiv'),
    crossrefUrl: server.url('crossref'),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...settings,
  });
  return { services, waits, headers };
}

/** A library of one .bib file. */
export function bibLibrary(text: string): Library {
  return Library.fromListings([{ file: 'refs.bib', text }]);
}
