// Show Paper Details: a read-only page with everything the listings say about one paper.
import * as vscode from 'vscode';
import { paperToUse } from '../shared/commandPapers';
import type { FeatureActivator } from '../shared/services';
import { DetailsPanel } from './detailsPanel';
import { citationIndexFor } from '../shared/citationIndex';
import { COMMANDS } from '../../vscode/ids';

export { DETAILS_VIEW_TYPE } from './detailsPanel';

export const activate: FeatureActivator = (services) => {
  const details = new DetailsPanel(services, citationIndexFor(services));
  services.context.subscriptions.push(
    details,
    vscode.commands.registerCommand(COMMANDS.showDetails, async (argument?: unknown) => {
      const paper = await paperToUse(services, argument, 'Show Paper Details');
      if (!paper) return undefined;
      // Clicked in the tree (a key arrives): the tree keeps the focus, so arrow keys go on browsing.
      details.show(paper, typeof argument === 'string');
      return paper.key;
    }),
  );
};
