import assert from 'node:assert/strict';
import { paperYear } from '../../../src/core/paper/order';
import { byline, compactCount, escapeMarkdown, paperDescription, paperTooltipMarkdown, snippet } from '../../../src/core/views/paperSummary';
import { makePaper } from '../paperFactory';

describe('paper summaries', () => {
  it('writes upvote counts compactly', () => {
    assert.equal(compactCount(0), '0');
    assert.equal(compactCount(999), '999');
    assert.equal(compactCount(1000), '1k');
    assert.equal(compactCount(1250), '1.2k');
    assert.equal(compactCount(12_900), '12k');
    assert.equal(compactCount(1_500_000), '1.5M');
  });

  it('takes the year from the date when the listing gave no year', () => {
    assert.equal(paperYear(makePaper({ key: 'a', date: '2024-05-01' })), 2024);
    assert.equal(paperYear(makePaper({ key: 'a', year: 2023, date: '2024-05-01' })), 2023);
    assert.equal(paperYear(makePaper({ key: 'a' })), undefined);
  });

  it('names the first author, else the organisation, else the number of authors', () => {
    assert.equal(byline(makePaper({ key: 'a', authors: ['Ada Lovelace'] })), 'Ada Lovelace');
    assert.equal(byline(makePaper({ key: 'a', authors: ['Ada Lovelace', 'Alan Turing'] })), 'Ada Lovelace et al.');
    assert.equal(byline(makePaper({ key: 'a', authors: ['Ada Lovelace'], authorCount: 5 })), 'Ada Lovelace et al.');
    assert.equal(byline(makePaper({ key: 'a', organization: 'Stanford NLP', authorCount: 4 })), 'Stanford NLP');
    assert.equal(byline(makePaper({ key: 'a', authorCount: 18 })), '18 authors');
    assert.equal(byline(makePaper({ key: 'a', authorCount: 1 })), '1 author');
    assert.equal(byline(makePaper({ key: 'a' })), undefined);
  });

  it('describes a paper as year · byline · upvotes, leaving out what is unknown', () => {
    assert.equal(paperDescription(makePaper({ key: 'a', date: '2025-08-14', authors: ['Ada Lovelace', 'B C'], upvotes: 1250 })), '2025 · Ada Lovelace et al. · ▲1.2k');
    assert.equal(paperDescription(makePaper({ key: 'a', organization: 'Stanford NLP', upvotes: 0 })), 'Stanford NLP · ▲0');
    assert.equal(paperDescription(makePaper({ key: 'a' })), '');
  });

  it('escapes every Markdown construct listing text could smuggle into a hover', () => {
    const nasty = '[click](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold** `code` # heading\n\n- item ![i](http://x/y.png) \\';
    const escaped = escapeMarkdown(nasty);
    // No unescaped punctuation is left: every one is preceded by a backslash.
    assert.doesNotMatch(escaped.replace(/\\[!-/:-@[-`{-~]/g, ''), /[!-/:-@[-`{-~]/);
    assert.ok(!escaped.includes('\n'), 'line breaks become spaces');
    assert.ok(escaped.includes('\\[click\\]\\(command\\:workbench'));
  });

  it('cuts long text at a word with an ellipsis', () => {
    assert.equal(snippet('short text', 300), 'short text');
    const cut = snippet('one two three four five six seven', 20);
    assert.ok(cut.endsWith('…'));
    assert.ok(cut.length <= 21);
    assert.equal(cut, 'one two three four…');
  });

  it('builds a hover card with title, authors, date, upvotes and a short abstract', () => {
    const paper = makePaper({
      key: 'ssrl2025',
      title: 'SSRL: Self-Search <b>Reinforcement</b> Learning',
      authors: ['Ada Lovelace', 'Alan Turing'],
      date: '2025-08-14',
      upvotes: 4,
      abstract: `${'word '.repeat(200)}end`,
    });
    const markdown = paperTooltipMarkdown(paper);
    const parts = markdown.split('\n\n');
    assert.equal(parts[0], '**SSRL\\: Self\\-Search \\<b\\>Reinforcement\\<\\/b\\> Learning**');
    assert.equal(parts[1], 'Ada Lovelace\\, Alan Turing');
    assert.equal(parts[2], '*2025\\-08\\-14 · ▲ 4 upvotes*');
    assert.ok(parts[3]!.endsWith('…') && parts[3]!.length <= 302, 'the abstract is cut to about 300 characters');
    assert.ok(!parts[3]!.includes('end'));
    assert.equal(parts[4], '`ssrl2025`');
  });

  it('says how many authors a long list leaves out', () => {
    const authors = Array.from({ length: 10 }, (_, i) => `Author ${i + 1}`);
    assert.match(paperTooltipMarkdown(makePaper({ key: 'a', authors })), /Author 8 and 2 more/);
    assert.match(paperTooltipMarkdown(makePaper({ key: 'a', authors: ['A B', 'C D'], authorCount: 18 })), /A B\\, C D and 16 more/);
  });
});
