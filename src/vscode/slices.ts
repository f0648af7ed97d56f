// Long work on the extension host's thread, a slice at a time: between slices the editor
// handles what is waiting (keystrokes, tree updates), so no build or save holds it for long.
import { SliceRunner, type Steps } from '../core/util/steps';

/** Long enough to get on with the work, short enough that typing never waits on it. */
export const SLICE_MS = 12;

/** The result of `steps`, or undefined when `current()` turns false between slices (the work is abandoned). */
export async function inSlices<T>(steps: Steps<T> | SliceRunner<T>, current: () => boolean = () => true): Promise<T | undefined> {
  const runner = steps instanceof SliceRunner ? steps : new SliceRunner(steps);
  while (!runner.runFor(SLICE_MS)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!current()) return undefined;
  }
  return runner.finish();
}
