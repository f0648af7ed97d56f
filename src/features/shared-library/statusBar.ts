// The shared library's state in the status bar: its size when connected, a warning when it
// cannot be reached or answers too slowly (the tooltip says local work goes on), a key when it
// wants a password. A click tries again, asks for the password, or connects.
import * as vscode from 'vscode';
import { sharedStatusView } from '../../core/views/sharedStatus';
import { COMMANDS } from '../../vscode/ids';
import type { SharedLibraryService } from '../shared/sharedLibraryService';

export class SharedStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('litReview.sharedLibrary', vscode.StatusBarAlignment.Left, 99);
  private readonly listener: vscode.Disposable;

  constructor(private readonly shared: SharedLibraryService) {
    this.item.name = 'Lit Review Shared Library';
    this.listener = shared.onDidChangeStatus(() => this.update());
    this.update();
  }

  /** The text on show; empty when hidden. */
  get text(): string {
    return sharedStatusView(this.shared.status, this.shared.where).text;
  }

  private update(): void {
    const view = sharedStatusView(this.shared.status, this.shared.where);
    if (!view.text) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command =
      view.action === 'connect' ? COMMANDS.connectSharedLibrary
      : view.action === 'none' ? undefined
      : { command: COMMANDS.reconnectSharedLibrary, title: view.action === 'password' ? 'Enter Password' : 'Try Again' };
    this.item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
