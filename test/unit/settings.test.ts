import assert from 'node:assert/strict';
import { validateSettings, type SettingName } from '../../src/core/settings';

describe('settings', () => {
  it('fills every default when nothing is set', () => {
    const { settings, errors } = validateSettings(() => undefined);
    assert.deepEqual(errors, []);
    assert.deepEqual(settings.libraryFolders, ['papers']);
    assert.equal(settings.bibliographyFile, 'references.bib');
    assert.equal(settings.citationFormat.latex, '\\cite{{keys}}');
    assert.equal(settings.sortOrder, 'newest');
  });

  it('names each wrong setting and falls back to its default', () => {
    const raw: Partial<Record<SettingName, unknown>> = {
      libraryFolders: 'papers',
      bibliographyFile: 'refs.txt',
      citationFormat: { markdown: '[@x]' },
      sortOrder: 'oldest',
      keyTemplate: '{author}{year}',
    };
    const { settings, errors } = validateSettings((name) => raw[name]);
    assert.deepEqual(errors.map((e) => e.setting), ['litReview.libraryFolders', 'litReview.bibliographyFile', 'litReview.citationFormat', 'litReview.sortOrder']);
    assert.match(errors[1]!.message, /\.bib/);
    assert.match(errors[2]!.message, /\{keys\}/);
    assert.deepEqual(settings.libraryFolders, ['papers']);
    assert.equal(settings.keyTemplate, '{author}{year}');
    for (const error of errors) assert.match(error.message, /using the default/);
  });
});
