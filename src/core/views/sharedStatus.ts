// What the status bar says about the shared library, as data: its text, its tooltip, and what
// a click on it does. Local work never depends on it, and the tooltip says so when it fails.
import { compactCount } from './paperSummary';

export type SharedState =
  /** No shared library is configured: nothing is shown. */
  | { kind: 'off' }
  /** Configured, but the workspace is not trusted: nothing is sent anywhere. */
  | { kind: 'restricted' }
  /** Configured, not asked yet: it connects on first use. */
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; papers?: number; publishedAt?: string }
  | { kind: 'unreachable'; message?: string }
  /** The last query did not answer within its time. */
  | { kind: 'slow' }
  | { kind: 'authentication'; message?: string }
  | { kind: 'not-published' }
  | { kind: 'error'; message?: string };

/** What a click on the status bar item does. */
export type SharedStatusAction = 'retry' | 'password' | 'connect' | 'none';

export interface SharedStatusView {
  text: string;
  tooltip: string;
  action: SharedStatusAction;
  /** Shown in the warning colours. */
  warning: boolean;
}

const LOCAL_KEEPS_WORKING = 'Your own library keeps working: search, citing and the Papers view do not wait for it.';

/** The status bar item for a state; `where` names the server (no password in it). */
export function sharedStatusView(state: SharedState, where: string): SharedStatusView {
  const at = where ? ` at ${where}` : '';
  switch (state.kind) {
    case 'off':
      return { text: '', tooltip: '', action: 'connect', warning: false };
    case 'restricted':
      return { text: '$(shield) Shared library off', tooltip: `The shared library${at} is not used in Restricted Mode: trust this workspace to search it.`, action: 'none', warning: false };
    case 'idle':
      return { text: '$(database) Shared library', tooltip: `Shared library${at}: connects with the first search.`, action: 'retry', warning: false };
    case 'connecting':
      return { text: '$(sync~spin) Shared library', tooltip: `Connecting to the shared library${at}…`, action: 'none', warning: false };
    case 'connected': {
      const count = state.papers === undefined ? 'Shared library' : `Shared: ${compactCount(state.papers)} ${state.papers === 1 ? 'paper' : 'papers'}`;
      const published = state.publishedAt ? `, last published ${state.publishedAt.slice(0, 10)}` : '';
      const papers = state.papers === undefined ? '' : ` (${state.papers.toLocaleString('en-US')} papers${published})`;
      return { text: `$(database) ${count}`, tooltip: `Searching the shared library${at}${papers} beside your own papers. Click to reconnect.`, action: 'retry', warning: false };
    }
    case 'unreachable':
      return { text: '$(warning) Shared library unreachable', tooltip: `The shared library${at} cannot be reached${detail(state.message)}. ${LOCAL_KEEPS_WORKING} Click to try again.`, action: 'retry', warning: true };
    case 'slow':
      return { text: '$(watch) Shared library slow', tooltip: `The shared library${at} did not answer within a second, so its papers were left out. ${LOCAL_KEEPS_WORKING} Click to try again.`, action: 'retry', warning: true };
    case 'authentication':
      return { text: '$(key) Shared library: password needed', tooltip: `The shared library${at} refused the password${detail(state.message)}. Click to enter it. ${LOCAL_KEEPS_WORKING}`, action: 'password', warning: true };
    case 'not-published':
      return { text: '$(warning) Shared library empty', tooltip: `Nothing is published${at} yet: a lab member publishes with \`lit-review publish\`. ${LOCAL_KEEPS_WORKING}`, action: 'retry', warning: true };
    case 'error':
      return { text: '$(warning) Shared library error', tooltip: `The shared library${at} failed${detail(state.message)}. ${LOCAL_KEEPS_WORKING} Click to try again.`, action: 'retry', warning: true };
  }
}

function detail(message: string | undefined): string {
  const text = message?.replace(/\s+/g, ' ').trim();
  return text ? ` (${text.length > 160 ? `${text.slice(0, 159)}…` : text})` : '';
}
