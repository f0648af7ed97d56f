// Reading and driving Lit Review's own quick picks in the workbench, for the search and cite UI tests.

/** Runs a command whose own quick pick replaces the palette, and waits for that quick pick. */
export async function openCommandPicker(workbench, command, title) {
  await workbench.chooseCommand(command);
  await workbench.quickInput().locator('.quick-input-title', { hasText: title }).waitFor();
}

/** The rows the quick pick shows, top to bottom (the list is virtual: DOM order is not row order). */
export async function quickPickRows(workbench) {
  const rows = await workbench.quickInput().locator('.monaco-list-row').evaluateAll((elements) =>
    elements.map((row) => ({ index: Number(row.getAttribute('data-index')), aria: row.getAttribute('aria-label') ?? '', focused: row.classList.contains('focused') })),
  );
  return rows.sort((a, b) => a.index - b.index);
}

/** Waits until the quick pick's focused row shows `text` (its label, icons aside). */
export async function waitForFocusedRow(workbench, text) {
  await workbench.quickInput().locator('.monaco-list-row.focused', { hasText: text }).waitFor();
}
