import assert from 'node:assert/strict';
import fc from 'fast-check';
import { displayTitle } from '../../../src/core/views/displayTitle';
import { timed } from '../helpers';

describe('displayTitle', () => {
  it('renders superscripts and subscripts', () => {
    const cases: [string, string][] = [
      ['MARS$^2$: Scaling', 'MARS²: Scaling'],
      ['$^{10}$Be dating', '¹⁰Be dating'],
      ['H$_2$O and CO$_{2}$', 'H₂O and CO₂'],
      ['$10^{-3}$ error', '10⁻³ error'],
      ['$O(n^2)$ time', 'O(n²) time'],
      ['$x_i$ and $\\theta_{t+1}$', 'xᵢ and θₜ₊₁'],
      ['$W^T$ and $W^\\top$', 'Wᵀ and Wᵀ'],
      ['20$^{th}$ century', '20ᵗʰ century'],
      ['$x ^2 + y _{1}$', 'x² + y₁'],
    ];
    for (const [title, shown] of cases) assert.equal(displayTitle(title), shown, title);
  });

  it('keeps a raised symbol that has no superscript form as the symbol', () => {
    assert.equal(displayTitle('A$^\\star$ search'), 'A⋆ search');
    assert.equal(displayTitle('A$^{*}$'), 'A*');
    assert.equal(displayTitle('30$^\\circ$C'), '30°C');
    assert.equal(displayTitle('Smith$^{\\dagger}$'), 'Smith†');
    assert.equal(displayTitle("$f'$ and $f^\\prime$"), 'f′ and f′');
  });

  it('renders symbols, letters and simple expressions', () => {
    const cases: [string, string][] = [
      ['$\\alpha$-Go', 'α-Go'],
      ['α-Go', 'α-Go'],
      ['$\\le$ 5', '≤ 5'],
      ['2$\\times$ Faster', '2× Faster'],
      ['$\\infty$-width', '∞-width'],
      ['the $x$ axis', 'the x axis'],
      ['$k$-means', 'k-means'],
      ['$O(n \\log n)$ sorting', 'O(n log n) sorting'],
      ['$\\ell_1$ norm', 'ℓ₁ norm'],
      ['$\\mathbb{R}^n$', 'ℝⁿ'],
      ['$\\mathcal{O}(1)$', '𝒪(1)'],
      ['$\\mathrm{TD}(\\lambda)$', 'TD(λ)'],
      ['$\\text{top-}k$', 'top-k'],
      ['$x \\in X$', 'x ∈ X'],
      ['$\\{0, 1\\}^n$', '{0, 1}ⁿ'],
      ['$\\hat{x}$', 'x̂'],
      ['$(\\epsilon, \\delta)$-DP', '(ε, δ)-DP'],
      ['\\(x^2\\) and $$y_1$$', 'x² and y₁'],
    ];
    for (const [title, shown] of cases) assert.equal(displayTitle(title), shown, title);
  });

  it('keeps math it cannot render faithfully as written', () => {
    const cases = [
      '$\\frac{a}{b}$ rule',
      '$\\sqrt{n+1}$',
      '$x^{y^z}$',
      '$a^q$',
      '$\\unknowncommand$',
      '$x_{bc}$',
      '$a & b$',
      '$\\hat{xy}$',
      '$' + '\\mathrm{'.repeat(10) + 'x' + '}'.repeat(10) + '$',
    ];
    for (const title of cases) assert.equal(displayTitle(title), title, title);
    assert.equal(displayTitle('$\\frac{a}{b}$ and MARS$^2$'), '$\\frac{a}{b}$ and MARS²');
  });

  it('leaves dollars that are money, and text without math, alone', () => {
    assert.equal(displayTitle('Costs $5 and $10'), 'Costs $5 and $10');
    assert.equal(displayTitle('From $5,$10 a day'), 'From $5,$10 a day');
    assert.equal(displayTitle('deep sleep $<$1 Hz'), 'deep sleep <1 Hz');
    assert.equal(displayTitle('Plain title: no math'), 'Plain title: no math');
    assert.equal(displayTitle('an unclosed $x'), 'an unclosed $x');
    assert.equal(displayTitle(''), '');
  });

  it('returns text without math unchanged, and never throws', () => {
    const alphabet = fc.constantFrom(...'$\\(){}^_ ax2'.split(''), '\\frac', '\\alpha', '\\mathbb', '\\hat', '\\sqrt', '\\text');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (title) => {
        const shown = displayTitle(title);
        if (!title.includes('$') && !title.includes('\\(')) assert.equal(shown, title);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes linear time on hostile input', function () {
    this.timeout(60_000);
    const inputs = [
      '$'.repeat(200_001),
      '$x^{'.repeat(100_000),
      '\\('.repeat(200_000),
      '$' + '{'.repeat(200_000) + '$',
      '$' + 'x^{'.repeat(100_000) + '}'.repeat(100_000) + '$',
      '$a$ '.repeat(200_000),
    ];
    for (const input of inputs) {
      const shown = timed(() => displayTitle(input));
      assert.equal(typeof shown.value, 'string');
      assert.ok(shown.ms < 5_000, `took ${shown.ms} ms on ${input.slice(0, 10)}...`);
    }
  });
});
