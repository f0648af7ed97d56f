// Launches the system Chromium through playwright-core (which downloads no browser of its own).
import { findChromium } from './hosts.mjs';

/** Keeps Chromium offline and quiet: no sandbox (containers), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const VIEWPORT = { width: 1400, height: 900 };

/** A browser with a fresh profile (playwright creates and deletes a temporary one). */
export async function launchBrowser({ headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium not found. Install it (apt-get install -y chromium) or set LIT_REVIEW_CHROMIUM to a Chromium or Chrome binary.');
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  return context.newPage();
}
