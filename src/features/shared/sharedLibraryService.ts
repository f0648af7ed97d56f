// The lab's shared library on PostgreSQL, as the features see it: opened on first use with the
// connection the setting names and the password kept in the secret storage, closed when either
// changes. Any call may fail or take too long: the features then get undefined and go on with
// the local library, and the status (in the status bar) says why. A server that failed is not
// asked again until a growing wait has passed, so typing never waits on a server that is down.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { Backoff } from '../../core/util/backoff';
import { describeConnection, redactPasswords } from '../../core/util/connectionString';
import type { SharedState } from '../../core/views/sharedStatus';
import type { Page, SharedLibrary, SharedLibraryFailure, SharedLibraryOptions, SharedTopic } from '../../node/postgres/types';
import type { Config } from '../../vscode/config';
import { CONTEXT_KEYS } from '../../vscode/ids';

/** A query that takes longer is cancelled: its papers are left out, the local ones never wait. */
export const QUERY_TIMEOUT_MS = 1000;
/** Connecting includes the password exchange, which a distant server may take a while for. */
const CONNECT_TIMEOUT_MS = 2000;

export type OpenSharedLibrary = (options: SharedLibraryOptions) => SharedLibrary | Promise<SharedLibrary>;

/** The PostgreSQL client is loaded only when a shared library is first used. */
const openWithPostgres: OpenSharedLibrary = async (options) => (await import('../../node/postgres/sharedLibrary.js')).openSharedLibrary(options);

export class SharedLibraryService implements vscode.Disposable {
  private state: SharedState;
  private readonly changed = new vscode.EventEmitter<SharedState>();
  /** Fires whenever the status changes (and when the connection is set or cleared). */
  readonly onDidChangeStatus = this.changed.event;
  private client?: Promise<SharedLibrary>;
  /** Counts resets: an answer to a call made before the last one is not the current server's. */
  private generation = 0;
  private readonly backoff = new Backoff(1000, 30_000);
  private papersCount?: { papers: number; publishedAt?: string };
  private countAsked = false;
  /** Connections whose password was asked for in this session: asked once, not at each failure. */
  private readonly askedFor = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The connection the client was (or will be) opened for. */
  private openedFor: string;
  /** The password the client was opened with, once read from the secret storage. */
  private openedWith?: { password: string | undefined };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly config: Config,
    private readonly output: vscode.OutputChannel,
    private readonly open: OpenSharedLibrary = openWithPostgres,
  ) {
    this.state = this.restingState();
    this.openedFor = this.connection;
    this.disposables.push(
      this.changed,
      config.onDidChange(() => {
        if (this.connection !== this.openedFor) this.reset();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
      context.secrets.onDidChange((event) => void this.passwordChanged(event.key)),
    );
    void this.updateContext();
  }

  /** The connection string of the setting; empty when no shared library is configured. */
  get connection(): string {
    return this.config.settings['sharedLibrary.connection'];
  }

  /** Whether calls may go to the server: a library is configured and the workspace is trusted. */
  get enabled(): boolean {
    return this.connection !== '' && vscode.workspace.isTrusted;
  }

  /** The server as it may be shown: never with a password. */
  get where(): string {
    return describeConnection(this.connection);
  }

  get status(): SharedState {
    return this.state;
  }

  /** The best shared papers for a query, or undefined when the server is off, failing or too slow. */
  search(query: string, options: { limit?: number; signal?: AbortSignal } = {}): Promise<Paper[] | undefined> {
    return this.run((library) => library.search(query, options), options.signal).then((hits) => hits?.map((hit) => hit.paper));
  }

  /** Papers by key, with every field. */
  papers(keys: readonly string[]): Promise<Paper[] | undefined> {
    return this.run((library) => library.papers(keys));
  }

  topics(options: { parent?: string; offset?: number; limit?: number } = {}): Promise<Page<SharedTopic> | undefined> {
    return this.run((library) => library.topics(options));
  }

  topicPapers(topicId: string, options: { offset?: number; limit?: number } = {}): Promise<Page<Paper> | undefined> {
    return this.run((library) => library.topicPapers(topicId, options));
  }

  /** How many papers the server holds, asked once per connection. */
  async stats(): Promise<{ papers: number; publishedAt?: string } | undefined> {
    if (this.papersCount) return this.papersCount;
    this.countAsked = true;
    const stats = await this.run((library) => library.stats());
    if (stats) this.papersCount = stats;
    else this.countAsked = false;
    if (stats && this.state.kind === 'connected') this.setState({ kind: 'connected', papers: stats.papers, publishedAt: stats.publishedAt });
    return stats;
  }

  /** Forgets every failure and connects again now (the status bar's click, the Reconnect command). */
  async reconnect(): Promise<void> {
    this.reset();
    await this.stats();
  }

  /** Keeps (or, with undefined, forgets) the password of a connection, the configured one by default. */
  async setPassword(password: string | undefined, connection = this.connection): Promise<void> {
    if (!connection) return;
    if (password) await this.context.secrets.store(secretKey(connection), password);
    else await this.context.secrets.delete(secretKey(connection));
    this.reset();
  }

  /** Resolves once the settings read name this connection (a setting written is read back a moment later). */
  whenConnectionIs(connection: string, timeoutMs = 5000): Promise<void> {
    if (this.connection === connection.trim()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const listener = this.config.onDidChange(() => {
        if (this.connection === connection.trim()) done();
      });
    });
  }

  /** Whether a password is kept for the configured connection. */
  async hasPassword(): Promise<boolean> {
    return this.connection !== '' && (await this.context.secrets.get(secretKey(this.connection))) !== undefined;
  }

  private async run<T>(call: (library: SharedLibrary) => Promise<T>, signal?: AbortSignal): Promise<T | undefined> {
    if (!this.enabled || signal?.aborted) return undefined;
    // A refused password stays refused until another is given: the server is not asked again with it.
    if (this.state.kind === 'authentication' || !this.backoff.ready(Date.now())) return undefined;
    const generation = this.generation;
    if (this.state.kind === 'idle') this.setState({ kind: 'connecting' });
    try {
      const library = await this.library();
      const value = await call(library);
      if (generation !== this.generation) return undefined;
      this.succeeded();
      return value;
    } catch (error) {
      // Cancelled for a newer keystroke, or asked of a server no longer configured: no failure of the server.
      if (signal?.aborted || generation !== this.generation) return undefined;
      this.failed(error);
      return undefined;
    }
  }

  /** Another window (or this one) kept a new password: a client opened with another is opened again. */
  private async passwordChanged(key: string): Promise<void> {
    if (key !== secretKey(this.connection)) return;
    const now = await this.context.secrets.get(key);
    // A client opened, or opening, with this very password is the right one already.
    if (this.client && (!this.openedWith || this.openedWith.password === now)) return;
    this.reset();
  }

  private library(): Promise<SharedLibrary> {
    if (!this.client) {
      const connection = this.connection;
      const generation = this.generation;
      this.openedWith = undefined;
      const opening = (async () => {
        const password = await this.context.secrets.get(secretKey(connection));
        if (generation === this.generation) this.openedWith = { password };
        return this.open({ connectionString: connection, password, queryTimeoutMs: QUERY_TIMEOUT_MS, connectTimeoutMs: CONNECT_TIMEOUT_MS });
      })();
      this.client = opening;
      // A client that could not even be made is made again next time.
      opening.catch(() => {
        if (this.client === opening) this.client = undefined;
      });
    }
    return this.client;
  }

  private succeeded(): void {
    this.backoff.reset();
    if (this.state.kind !== 'connected') {
      if (this.state.kind !== 'connecting') this.output.appendLine(`Shared library at ${this.where}: connected again.`);
      this.setState({ kind: 'connected', papers: this.papersCount?.papers, publishedAt: this.papersCount?.publishedAt });
    }
    if (!this.papersCount && !this.countAsked) {
      this.countAsked = true;
      void this.stats();
    }
  }

  private failed(error: unknown): void {
    const failure = failureOf(error);
    const message = redactPasswords(error instanceof Error ? error.message : String(error));
    const next = stateFor(failure, message);
    if (next.kind !== this.state.kind) this.output.appendLine(`Shared library at ${this.where}: ${failure}${message ? ` (${message})` : ''}. Local papers are searched without it.`);
    // Calls that were out together fail together: one failure makes one wait.
    if (this.backoff.ready(Date.now())) this.backoff.failed(Date.now());
    // Connections of a server that went away, or opened with a refused password, are not used again.
    if (failure !== 'timeout') this.closeClient();
    this.setState(next);
    if (failure === 'authentication') this.offerPassword();
  }

  /** Says once per connection that the server wants a password, with a button to give it. */
  private offerPassword(): void {
    const connection = this.connection;
    if (this.askedFor.has(connection)) return;
    this.askedFor.add(connection);
    void vscode.window.showWarningMessage(`Lit Review: the shared library at ${this.where} needs a password. Your own library keeps working meanwhile.`, 'Enter Password…').then((choice) => {
      if (choice && this.connection === connection) void this.askPassword();
    });
  }

  /** Asks for the password in a password box and keeps it; false when dismissed. */
  async askPassword(): Promise<boolean> {
    if (!this.connection) return false;
    const password = await vscode.window.showInputBox({
      title: 'Lit Review: Shared Library Password',
      prompt: `The password for ${this.where}. It is kept in the editor’s secret storage, never in settings.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return false;
    await this.setPassword(password || undefined);
    void this.stats();
    return true;
  }

  /** Back to a closed client, no failures remembered, for the connection the setting names now. */
  private reset(): void {
    this.generation++;
    this.closeClient();
    this.backoff.reset();
    this.papersCount = undefined;
    this.countAsked = false;
    this.openedFor = this.connection;
    this.setState(this.restingState());
    void this.updateContext();
  }

  private restingState(): SharedState {
    if (!this.connection) return { kind: 'off' };
    return vscode.workspace.isTrusted ? { kind: 'idle' } : { kind: 'restricted' };
  }

  private setState(state: SharedState): void {
    this.state = state;
    this.changed.fire(state);
  }

  private updateContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', CONTEXT_KEYS.sharedLibraryConfigured, this.enabled);
  }

  private closeClient(): void {
    const client = this.client;
    this.client = undefined;
    void client?.then((library) => library.close()).catch(() => undefined);
  }

  dispose(): void {
    this.generation++;
    this.closeClient();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The secret is kept per connection: a password is never sent to another server than its own. */
function secretKey(connection: string): string {
  return `sharedLibrary.password:${connection}`;
}

function failureOf(error: unknown): SharedLibraryFailure {
  const failure = (error as { failure?: unknown } | undefined)?.failure;
  return failure === 'unreachable' || failure === 'timeout' || failure === 'authentication' || failure === 'not-published' ? failure : 'error';
}

function stateFor(failure: SharedLibraryFailure, message: string): SharedState {
  switch (failure) {
    case 'unreachable':
      return { kind: 'unreachable', message };
    case 'timeout':
      return { kind: 'slow' };
    case 'authentication':
      return { kind: 'authentication', message };
    case 'not-published':
      return { kind: 'not-published' };
    case 'error':
      return { kind: 'error', message };
  }
}
