// When Lit Review may go online, and how: only on a command the user ran, never in
// Restricted Mode, never when the settings say no; always through the services named in
// the settings (mirrors, or a test server), with a User-Agent naming Lit Review.
import * as vscode from 'vscode';
import { createServices, userAgent, type Services as ServiceClients } from '../../core/resolve';
import type { Services } from '../shared/services';

/** True when a lookup may go ahead; otherwise says why not, with the way to change it. */
export function mayGoOnline(services: Services, what: string): boolean {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(`Lit Review: ${what} looks papers up online, which Restricted Mode does not allow. Trust this workspace to use it.`);
    return false;
  }
  if (!services.config.settings.allowNetwork) {
    const open = 'Open Settings';
    void vscode.window.showWarningMessage(`Lit Review: ${what} looks papers up online, and the setting "litReview.allowNetwork" is off.`, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'litReview.allowNetwork');
    });
    return false;
  }
  return true;
}

/** The three services' clients, as the settings name them, cancelled by `signal`. */
export function serviceClients(services: Services, signal: AbortSignal): ServiceClients {
  const { huggingFaceUrl, arxivUrl, crossrefUrl } = services.config.settings;
  return createServices({
    fetch: (url, init) => fetch(url, init),
    userAgent: userAgent(String(services.context.extension.packageJSON.version)),
    huggingFaceUrl,
    arxivUrl,
    crossrefUrl,
    signal,
  });
}
