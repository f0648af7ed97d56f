// Completing the library from public services, on request only: Complete Metadata for the
// papers a listing left without authors or identifiers, Add Paper for a paper by its id.
import * as vscode from 'vscode';
import type { FeatureActivator } from '../shared/services';
import { COMMANDS } from '../../vscode/ids';
import { addPaper } from './addPaper';
import { completeMetadata } from './completeMetadata';

export const activate: FeatureActivator = (services) => {
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.completeMetadata, (options?: { choose?: boolean }) => completeMetadata(services, options)),
    vscode.commands.registerCommand(COMMANDS.addPaper, (text?: unknown, target?: unknown) =>
      addPaper(services, typeof text === 'string' ? text : undefined, target instanceof vscode.Uri ? target : undefined),
    ),
  );
};
