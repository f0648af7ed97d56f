// Connect to Shared Library… (the connection string into the user settings, the password into
// the secret storage), Reconnect (or give the password the server asked for), and Forget
// Shared Library Password.
import * as vscode from 'vscode';
import { connectionProblem, describeConnection } from '../../core/util/connectionString';
import { sharedStatusView } from '../../core/views/sharedStatus';
import { COMMANDS } from '../../vscode/ids';
import type { Services } from '../shared/services';

/** What Connect may be handed instead of asking: a script sets up a machine in one call. */
interface ConnectArguments {
  connection: string;
  password?: string;
}

export function registerSharedLibraryCommands(services: Services): vscode.Disposable[] {
  const shared = services.sharedLibrary;
  return [
    vscode.commands.registerCommand(COMMANDS.connectSharedLibrary, async (given?: unknown) => {
      const asked = connectArgumentsOf(given) ?? (await askConnection(shared.connection));
      if (!asked) return false;
      await connect(services, asked);
      return true;
    }),
    vscode.commands.registerCommand(COMMANDS.reconnectSharedLibrary, async () => {
      if (shared.status.kind === 'authentication') await shared.askPassword();
      else await shared.reconnect();
    }),
    vscode.commands.registerCommand(COMMANDS.forgetSharedLibraryPassword, async () => {
      if (!shared.connection) return;
      await shared.setPassword(undefined);
      void vscode.window.showInformationMessage(`Lit Review forgot the password of the shared library at ${shared.where}.`);
    }),
  ];
}

function connectArgumentsOf(value: unknown): ConnectArguments | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { connection, password } = value as { connection?: unknown; password?: unknown };
  if (typeof connection !== 'string') return undefined;
  return { connection, password: typeof password === 'string' ? password : undefined };
}

/** The connection string, then the password (empty for none): undefined when either box is dismissed. */
async function askConnection(current: string): Promise<ConnectArguments | undefined> {
  const connection = await vscode.window.showInputBox({
    title: 'Lit Review: Connect to Shared Library (1/2)',
    prompt: 'Your lab’s PostgreSQL server, without the password: a postgres:// URL or a service name. Empty turns the shared library off.',
    placeHolder: 'postgres://alice@db.lab.example/papers',
    value: current,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = connectionProblem(text);
      return problem ? `Expected ${problem}.` : undefined;
    },
  });
  if (connection === undefined) return undefined;
  if (!connection.trim()) return { connection: '' };
  const password = await vscode.window.showInputBox({
    title: 'Lit Review: Connect to Shared Library (2/2)',
    prompt: `The password for ${describeConnection(connection)}, kept in the editor’s secret storage. Leave it empty when the server needs none or ~/.pgpass holds it.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (password === undefined) return undefined;
  return { connection: connection.trim(), password };
}

async function connect(services: Services, { connection, password }: ConnectArguments): Promise<void> {
  const shared = services.sharedLibrary;
  const problem = connectionProblem(connection);
  if (problem) {
    void vscode.window.showErrorMessage(`Lit Review: expected ${problem}.`);
    return;
  }
  // The password first, under the connection it belongs to: the client opened for the new setting finds it.
  if (connection) await shared.setPassword(password || undefined, connection);
  // The user's settings only: a workspace cannot point the editor at a server.
  await vscode.workspace.getConfiguration('litReview').update('sharedLibrary.connection', connection || undefined, vscode.ConfigurationTarget.Global);
  await shared.whenConnectionIs(connection);
  if (!connection) {
    void vscode.window.showInformationMessage('Lit Review: the shared library is off.');
    return;
  }
  await shared.reconnect();
  const state = shared.status;
  if (state.kind === 'connected') {
    const count = state.papers === undefined ? '' : `: ${state.papers.toLocaleString('en-US')} papers`;
    void vscode.window.showInformationMessage(`Lit Review is connected to the shared library at ${shared.where}${count}. Search Papers now shows its papers beside yours.`);
  } else if (state.kind === 'restricted') {
    void vscode.window.showInformationMessage('Lit Review: the shared library is saved, and will be used once this workspace is trusted.');
  } else if (state.kind !== 'authentication') {
    // A refused password was said already, with a button to give another.
    void vscode.window.showWarningMessage(`Lit Review: ${sharedStatusView(state, shared.where).tooltip}`);
  }
}
