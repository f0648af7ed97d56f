// What the details page's buttons may ask for, checked here: the page is drawn from listing
// text, so a message is taken as a request, never as a command to run as it is.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { parseStatus } from '../../core/reading/status';
import { DETAILS_ACTIONS, type DetailsAction } from '../../core/views/detailsReading';
import { COMMANDS } from '../../vscode/ids';
import { askExclusionReason } from '../shared/exclusionReason';

/** Runs the request of a button of the page showing a paper: its key, or the paper itself when the local library lacks it. */
export async function handleDetailsMessage(shown: string | Paper, message: unknown): Promise<void> {
  const { type, value } = (typeof message === 'object' && message !== null ? message : {}) as { type?: unknown; value?: unknown };
  if (!DETAILS_ACTIONS.includes(type as DetailsAction) || typeof value !== 'string') return;
  switch (type as DetailsAction) {
    case 'setStatus': {
      const status = parseStatus(value);
      if (!status) return;
      let reason: string | undefined;
      if (status === 'excluded') {
        reason = await askExclusionReason();
        if (reason === undefined) return;
      }
      await vscode.commands.executeCommand(COMMANDS.setReadingStatus, shown, undefined, status, reason);
      return;
    }
    case 'addTag':
      await vscode.commands.executeCommand(COMMANDS.addTag, shown);
      return;
    case 'removeTag':
      if (value) await vscode.commands.executeCommand(COMMANDS.removeTag, shown, undefined, value);
      return;
    case 'details':
      if (value) await vscode.commands.executeCommand(COMMANDS.showDetails, value);
      return;
    case 'similar':
      await vscode.commands.executeCommand(COMMANDS.similarPapers, shown);
  }
}
