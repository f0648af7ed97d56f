// Entry point the editor loads as `extensionTestsPath` for the smoke test: runs the tests next
// to this file with mocha in the extension host, against the extension installed from the .vsix.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  console.log(`Smoke test in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}, ${process.platform})`);
  // The host forwards console output line by line; colours would arrive as escape codes.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} smoke test(s) failed.`);
}
