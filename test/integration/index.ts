// Entry point the editor loads as `extensionTestsPath`: runs every *.test.js next to this file
// with mocha, in the extension host, against the real `vscode` API. The same compiled suite
// runs in desktop VS Code (@vscode/test-electron) and in VS Code's server with a browser.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  console.log(`Integration suite in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${process.platform})`);
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    // The host forwards console output line by line; colours would arrive as escape codes.
    color: false,
    reporter: 'spec',
    grep: process.env.LIT_REVIEW_TEST_GREP,
  });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
