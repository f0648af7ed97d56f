// The papers cited most recently in this workspace, newest first: what a completion list
// offers before anything is typed, since a draft tends to cite the same papers again.
import type * as vscode from 'vscode';

const STATE_KEY = 'litReview.recentCitations';
const KEPT = 20;

export class RecentCitations {
  constructor(private readonly state: vscode.Memento) {}

  /** Keys, newest first. */
  get keys(): string[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  }

  record(keys: readonly string[]): void {
    if (!keys.length) return;
    const fresh = new Set(keys.map((key) => key.toLowerCase()));
    const kept = this.keys.filter((key) => !fresh.has(key.toLowerCase()));
    void this.state.update(STATE_KEY, [...keys, ...kept].slice(0, KEPT));
  }
}
