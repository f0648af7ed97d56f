// Drives a real VS Code workbench (the server build in headless Chromium) the way a person
// would: activity bar, views, command palette, status bar. Shared by every UI test.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, newPage } from '../host/browser.mjs';
import { REPO_ROOT } from '../host/hosts.mjs';
import { QUIET_SETTINGS, startServer, workbenchUrl } from '../host/server.mjs';

export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
export const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');

const open = new Set();
let opened = 0;
const EXTENSION_ID = (() => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
})();
const ACTIVATION_FAILED = new RegExp(`Activating extension '${EXTENSION_ID.replace(/\./g, '\\.')}' failed`);

/** Closes every workbench still open (after a failed hook, or on Ctrl+C). */
export async function closeAllWorkbenches() {
  await Promise.all([...open].map((workbench) => workbench.close()));
}

/**
 * Starts a server and a browser, and opens `folder` with this extension loaded from source.
 * @param {{ folder: string, settings?: object, timeoutMs?: number }} options
 */
export async function openWorkbench({ folder, settings = {}, timeoutMs = 120_000 }) {
  const log = [];
  const server = await startServer({ settings: { ...QUIET_SETTINGS, ...settings }, log: (line) => log.push(`[server] ${line}`) });
  let browser;
  let workbench;
  try {
    browser = await launchBrowser();
    const page = await newPage(browser);
    page.setDefaultTimeout(30_000);
    workbench = new Workbench(page, server, browser, log);
    open.add(workbench);
    page.on('console', (message) => workbench.record(`[console.${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => workbench.record(`[pageerror] ${error.message}`));
    // The smoke-test driver forwards the workbench's and extension host's log here.
    await page.exposeFunction('codeAutomationLog', (type, args) => workbench.record(`[${type}] ${format(...(Array.isArray(args) ? args : [args]))}`));
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT }));
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    return workbench;
  } catch (error) {
    if (workbench) await workbench.close();
    else {
      await browser?.close();
      await server.stop();
    }
    throw error;
  }
}

export class Workbench {
  constructor(page, server, browser, log) {
    this.page = page;
    this.server = server;
    this.browser = browser;
    this.log = log;
    this.number = ++opened;
    /** Set when the extension failed to activate: every later step fails at once with it. */
    this.activationError = undefined;
  }

  record(line) {
    this.log.push(line);
    if (this.activationError === undefined && ACTIVATION_FAILED.test(line)) {
      this.activationError = line;
      console.error(`\n      The extension failed to activate: ${line}`);
      // Closing the page makes every pending wait fail now rather than after its timeout.
      void this.screenshot('failure-activation')
        .catch(() => undefined)
        .finally(() => this.page.close().catch(() => undefined));
    }
  }

  async close() {
    if (!open.delete(this)) return;
    mkdirSync(RESULTS_DIR, { recursive: true });
    // The workbench's and extension host's log, for when a test fails for a reason not on screen.
    writeFileSync(join(RESULTS_DIR, `e2e-workbench-${this.number}.log`), this.log.join('\n') + '\n');
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }

  /** Saves test-results/screenshots/<name>.png; undefined when the page is already gone. */
  async screenshot(name) {
    if (this.page.isClosed()) return undefined;
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const path = join(SCREENSHOTS_DIR, `${name}.png`);
    // Quick inputs and hovers fade in: the picture is of them once they are whole.
    await this.page.waitForTimeout(400);
    await this.page.screenshot({ path });
    return path;
  }

  // Activity bar and views

  activityBarItem(title, { selected } = {}) {
    const state = selected === undefined ? '' : `[aria-selected="${selected}"]`;
    return this.page.locator(`.part.activitybar li.action-item${state}`, { has: this.page.locator(`a.action-label[aria-label="${cssString(title)}"]`) });
  }

  /** Opens a view container from the activity bar (unless it is already showing). */
  async openViewContainer(title) {
    const item = this.activityBarItem(title);
    await item.waitFor();
    if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
    await this.activityBarItem(title, { selected: true }).waitFor();
    await this.moveMouseAway();
  }

  /** Drags the sash between the side bar and the editors so the side bar is `width` pixels wide. */
  async resizeSideBar(width) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('The side bar is not showing.');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await this.moveMouseAway();
  }

  /** Parks the pointer over the empty status bar so no hover or tooltip stays on screen. */
  async moveMouseAway() {
    const size = this.page.viewportSize();
    await this.page.mouse.move(size.width / 2, size.height - 5);
  }

  /** The text lines of the editor in front. */
  editorLines() {
    return this.page.locator('.part.editor .editor-instance .view-lines').first();
  }

  /** Moves the pointer over the first place `text` is shown in the editor in front (a little into it, where a hover is the word's). */
  async hoverOverText(text) {
    const point = await this.editorLines().evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 2);
        range.setEnd(node, at + 4);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return undefined;
    }, text);
    if (!point) throw new Error(`"${text}" is not on screen`);
    await this.page.mouse.move(point.x, point.y, { steps: 4 });
  }

  /** The pane of a view in the side bar, by the view's name. */
  view(name) {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator(`.pane-header[aria-label="${name} Section"]`) });
  }

  treeItems(viewName) {
    return this.view(viewName).locator('.monaco-list-row');
  }

  treeItem(viewName, label) {
    return this.view(viewName).locator(`.monaco-list-row[aria-label^="${cssString(label)}"]`);
  }

  /** The labels of the tree rows currently rendered (trees render only what is on screen). */
  async visibleTreeLabels(viewName) {
    return this.treeItems(viewName).locator('.label-name').allInnerTexts();
  }

  /** Scrolls a tree from the top until a row with this label is rendered, then shows it. */
  async revealTreeItem(viewName, label, { maxSteps = 200 } = {}) {
    const row = this.treeItem(viewName, label);
    const list = this.view(viewName).locator('.monaco-list').first();
    await this.treeItems(viewName).first().waitFor();
    await list.hover();
    await list.evaluate((element) => { element.querySelector('.monaco-scrollable-element')?.scrollTo?.(0, 0); });
    for (let step = 0; step < maxSteps && (await row.count()) === 0; step++) {
      await this.page.mouse.wheel(0, 120);
      await this.page.waitForTimeout(30);
    }
    // The list scrolls itself (it is virtual): keep scrolling until the whole row is in view.
    const listBox = await list.boundingBox();
    for (let step = 0; step < 20; step++) {
      const rowBox = await row.first().boundingBox();
      if (rowBox && rowBox.y + rowBox.height <= listBox.y + listBox.height && rowBox.y >= listBox.y) break;
      await this.page.mouse.wheel(0, rowBox && rowBox.y < listBox.y ? -22 : 22);
      await this.page.waitForTimeout(30);
    }
    await row.first().waitFor({ state: 'visible', timeout: 2000 });
    await this.moveMouseAway();
    return row.first();
  }

  // Editors

  /** Opens a workspace file through Quick Open (Ctrl+P), as a person would. */
  async openFile(relativePath) {
    await this.quickOpen(relativePath);
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    const name = relativePath.split('/').pop();
    await this.page.locator(`.part.editor .tab[aria-label^="${cssString(name)}"]`).first().waitFor();
  }

  /**
   * Quick Open (Ctrl+P) with the file focused, ready for Enter. Quick Open may still list
   * the files from before one was created: it is asked again after a moment, as a person
   * would.
   */
  async quickOpen(relativePath) {
    const name = relativePath.split('/').pop();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+P');
      await this.quickInput().waitFor({ state: 'visible' });
      await this.typeInQuickInput(relativePath);
      const row = this.quickInput().locator(`.monaco-list-row.focused[aria-label*="${cssString(name)}"]`);
      if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
      if (attempt === 6) throw new Error(`Quick Open never offered ${relativePath}`);
    }
  }

  // Status bar

  statusBarItem(text) {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: text });
  }

  /** Lit Review's paper count, by its id: a passing status message may hold the same words. */
  paperCountItem(text) {
    return this.page.locator('.part.statusbar [id="lit-review.lit-review.litReview.status"]', text === undefined ? {} : { hasText: text });
  }

  // Command palette and quick input

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Chooses a command by its title in the command palette, e.g. "Lit Review: Reindex Library",
   * leaving open whatever the command opens (a quick pick of its own, say).
   */
  async chooseCommand(title) {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await this.quickInput().waitFor({ state: 'visible' });
    await this.typeInQuickInput(title);
    // Enter runs the focused row: wait until that is the command asked for, not a near match.
    await this.quickInput().locator(`.monaco-list-row.focused[aria-label^="${cssString(title)}"]`).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Runs a command that asks nothing, and waits for the palette to close. */
  async runCommand(title) {
    await this.chooseCommand(title);
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Types into the open quick input, after what the palette put there (the `>` prefix). */
  async typeInQuickInput(text) {
    await this.quickInput().locator('input.input').waitFor();
    await this.page.keyboard.type(text, { delay: 10 });
  }

  /** Labels of the rows the open quick input shows. */
  async quickInputLabels() {
    return this.quickInput().locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
  }
}

function cssString(text) {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
