// Settings read once, validated by zod (src/core/settings.ts), re-read when they change.
// A wrong value is reported by name with its fix and replaced by its default meanwhile.
import * as vscode from 'vscode';
import { validateSettings, type SettingName, type Settings } from '../core/settings';

/** The settings as features see them. */
export interface Config {
  /** Settings as last read and validated. */
  readonly settings: Settings;
  readonly onDidChange: vscode.Event<Settings>;
}

export class ConfigService implements Config, vscode.Disposable {
  private current: Settings;
  private readonly emitter = new vscode.EventEmitter<Settings>();
  readonly onDidChange = this.emitter.event;
  private readonly listener: vscode.Disposable;
  /** Errors already shown, so an unchanged mistake is not repeated at every change. */
  private shown = new Set<string>();

  constructor(private readonly output: vscode.OutputChannel) {
    this.current = this.read();
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('litReview')) return;
      this.current = this.read();
      this.emitter.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  private read(): Settings {
    const configuration = vscode.workspace.getConfiguration('litReview');
    const { settings, errors } = validateSettings((name: SettingName) => configuration.get(name));
    const now = new Set<string>();
    for (const error of errors) {
      const text = `Setting ${error.setting}: ${error.message}`;
      now.add(text);
      if (this.shown.has(text)) continue;
      this.output.appendLine(text);
      void vscode.window.showWarningMessage(`Lit Review: ${text}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', error.setting);
      });
    }
    this.shown = now;
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
