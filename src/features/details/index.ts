// Show Paper Details: everything the listings say about one paper, its reading status and
// tags (set from the page), and the papers most like it.
import * as vscode from 'vscode';
import { paperToUse } from '../shared/commandPapers';
import { isSharedPaper } from '../shared/sharedPapers';
import type { FeatureActivator } from '../shared/services';
import { DetailsPanel } from './detailsPanel';
import { citationIndexFor } from '../shared/citationIndex';
import { COMMANDS } from '../../vscode/ids';

export { DETAILS_VIEW_TYPE } from './detailsPanel';

/** The panel of the last activation: one per window. */
let panel: DetailsPanel | undefined;

/** The details page on show, and its paper's key; undefined when it is closed. */
export function shownDetails(): { key: string; html: string } | undefined {
  return panel?.page;
}

export const activate: FeatureActivator = (services) => {
  const details = new DetailsPanel(services, citationIndexFor(services));
  panel = details;
  services.context.subscriptions.push(
    details,
    vscode.commands.registerCommand(COMMANDS.showDetails, async (argument?: unknown) => {
      // A shared library's paper comes whole: the local library has no key to look it up by.
      const paper = isSharedPaper(argument) ? argument : await paperToUse(services, argument, 'Show Paper Details');
      if (!paper) return undefined;
      // Clicked in the tree (a key arrives): the tree keeps the focus, so arrow keys go on browsing.
      details.show(paper, typeof argument === 'string');
      return paper.key;
    }),
  );
};
