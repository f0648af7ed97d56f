// package.json and the code must name the same commands, context keys, view and settings:
// a mismatch is a menu item that does nothing or a setting whose documented default lies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SETTING_SCHEMAS, type SettingName } from '../../../src/core/settings';
import { COMMANDS, CONTEXT_KEYS, INTERNAL_COMMANDS, PAPERS_VIEW, REFERENCES_VIEW, SHARED_LIBRARY_VIEW } from '../../../src/vscode/ids';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[]; minimum?: number; exclusiveMinimum?: number; maximum?: number }> };
  };
}

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;
const contributes = JSON.stringify(manifest.contributes);

/** Every string in the manifest's contributions, with where it sits. */
function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => strings(item, name));
  return [];
}

describe('package.json and the code', () => {
  it('contribute exactly the commands the code registers for people', () => {
    assert.deepEqual(manifest.contributes.commands.map((command) => command.command).sort(), Object.values(COMMANDS).sort());
  });

  it('point menus, key bindings and welcome links only at commands that exist', () => {
    const known = new Set<string>([...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)]);
    const named = strings(manifest.contributes).flatMap(([key, value]) => (key === 'command' ? [value] : [...value.matchAll(/command:(litReview\.\w+)/g)].map((match) => match[1]!)));
    assert.deepEqual(named.filter((command) => command.startsWith('litReview.') && !known.has(command)), []);
    for (const command of Object.values(INTERNAL_COMMANDS)) assert.ok(!manifest.contributes.commands.some((c) => c.command === command), `${command} stays out of the palette`);
  });

  it('read in when clauses exactly the context keys the code sets', () => {
    const clauses = strings(manifest.contributes).filter(([key]) => key === 'when' || key === 'enablement').map(([, value]) => value);
    const read = new Set(clauses.flatMap((clause) => [...clause.matchAll(/\blitReview\.\w+/g)].map((match) => match[0])).filter((name) => name !== PAPERS_VIEW && name !== REFERENCES_VIEW && name !== SHARED_LIBRARY_VIEW));
    assert.deepEqual([...read].sort(), Object.values(CONTEXT_KEYS).sort());
  });

  it('name the Papers view as the code does', () => {
    assert.ok(Object.values(manifest.contributes.views).flat().some((view) => view.id === PAPERS_VIEW));
    assert.ok(contributes.includes(`"${PAPERS_VIEW}"`));
    assert.ok(Object.values(manifest.contributes.views).flat().some((view) => view.id === REFERENCES_VIEW));
    assert.ok(Object.values(manifest.contributes.views).flat().some((view) => view.id === SHARED_LIBRARY_VIEW));
  });

  it('document every setting with the default and the range the code enforces', () => {
    const properties = manifest.contributes.configuration.properties;
    const documented = Object.keys(properties).map((name) => name.replace(/^litReview\./, '')).sort();
    assert.deepEqual(documented, Object.keys(SETTING_SCHEMAS).sort());
    for (const name of Object.keys(SETTING_SCHEMAS) as SettingName[]) {
      const schema = SETTING_SCHEMAS[name];
      const property = properties[`litReview.${name}`]!;
      assert.deepEqual(property.default, schema.parse(undefined), `the default of ${name}`);
      assert.ok(schema.safeParse(property.default).success, `${name}'s documented default is valid`);
      if (property.enum) for (const value of property.enum) assert.ok(schema.safeParse(value).success, `${name} accepts ${String(value)}`);
      if (property.maximum !== undefined) {
        assert.ok(schema.safeParse(property.maximum).success, `${name} accepts its documented maximum`);
        assert.ok(!schema.safeParse(property.maximum + 1).success, `${name} refuses more than its documented maximum`);
      }
      if (property.exclusiveMinimum !== undefined) assert.ok(!schema.safeParse(property.exclusiveMinimum).success, `${name} refuses its exclusive minimum`);
      if (property.minimum !== undefined) {
        assert.ok(schema.safeParse(property.minimum).success, `${name} accepts its documented minimum`);
        assert.ok(!schema.safeParse(property.minimum - 1e-9).success, `${name} refuses less than its documented minimum`);
      }
    }
  });
});
