// Runs a compiled mocha suite inside the extension host of a running VS Code server, as the
// editor runs `extensionTestsPath`: the workbench opens in headless Chromium with the
// smoke-test driver's payload, and reports the suite's exit code when the suite settles.
// Shared by the integration suite, the smoke test of the .vsix and the activation benchmark.
import { format } from 'node:util';
import { launchBrowser, newPage } from './browser.mjs';
import { workbenchUrl } from './server.mjs';

/**
 * Resolves with `{ code, started }` (started: whether the suite printed `banner`).
 * The workbench's own chatter before the banner goes to `log` only; the suite's lines also go
 * to `print` (every line with LIT_REVIEW_VERBOSE).
 * @param {{ server: object, folder: string, extensionDevelopmentPath: string, extensionTestsPath: string,
 *           banner: string, log: (line: string) => void, print?: (line: string) => void }} options
 */
export async function runSuite({ server, folder, extensionDevelopmentPath, extensionTestsPath, banner, log, print = console.log }) {
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    let started = false;
    let finish;
    const exitCode = new Promise((resolve) => { finish = resolve; });
    // Both must exist before the workbench loads: it looks for them once, at start-up.
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      log(`[${type}] ${text}`);
      if (text.startsWith(banner)) started = true;
      const fromSuite = started && (type === 'info' || type === 'log');
      if (fromSuite || process.env.LIT_REVIEW_VERBOSE) print(text);
    });
    page.on('pageerror', (error) => log(`[pageerror] ${error.message}`));
    page.on('crash', () => finish(3));
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
    return { code: await exitCode, started };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
