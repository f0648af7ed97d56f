// Real reading lists, copied byte for byte from public repositories (see
// test/fixtures/real/markdown/PROVENANCE.md). Every count below was made by reading the file,
// and is checked again here by a plain pattern over the text that does not use the parser.
import assert from 'node:assert/strict';
import { PaperDraftSchema, type PaperDraft, type ParseResult } from '../../../src/core/paper/paper';
import { parseMarkdownList } from '../../../src/core/sources/markdown';
import { fixture, lineWith, paperTitled } from '../helpers';

function read(file: string): { text: string; result: ParseResult } {
  const text = fixture('real', 'markdown', file);
  return { text, result: parseMarkdownList(text, file) };
}

/** 1-based line of the first line of `text` containing `needle`. */
function countLines(text: string, pattern: RegExp): number {
  return text.split('\n').filter((line) => pattern.test(line)).length;
}

const SITE_OR_BUTTON = /^(paper|papers|pdf|code|arxiv|project|project page|github|hugging face daily papers|homepage|website|blog|demo|link)$/i;

/** What must hold of every paper of every list: the marks of a paper, no site names, no "et al.". */
function assertClean(text: string, papers: PaperDraft[]): void {
  const sections = new Set(
    text
      .split('\n')
      .map((line) => /^ {0,3}#{1,6}\s+(.*)$/.exec(line)?.[1])
      .filter((heading): heading is string => heading !== undefined)
      .map((heading) => heading.replace(/<[^>]*>/g, '').trim().toLowerCase()),
  );
  for (const paper of papers) {
    assert.ok(PaperDraftSchema.safeParse(paper).success, paper.title);
    assert.ok(!SITE_OR_BUTTON.test(paper.title), `a site or button is no title: ${paper.title}`);
    assert.ok(!sections.has(paper.title.toLowerCase()), `a section is no paper: ${paper.title}`);
    assert.ok(!/[[\]*]|https?:/.test(paper.title), `markup left in a title: ${paper.title}`);
    assert.ok(!paper.authors.some((name) => /\bet\.? al\b|^others$/i.test(name)), `"et al." is no author: ${paper.title}`);
    assert.ok(paper.authorCount === undefined || paper.authorCount > paper.authors.length, paper.title);
  }
}

describe('Markdown reading lists from the wild', () => {
  describe('two-line items: Awesome Parametric Knowledge in LLMs', () => {
    const file = 'parametric-knowledge-in-llms.md';
    const { text, result } = read(file);
    const { papers, problems } = result;
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads all 95 numbered items as papers, and nothing else', () => {
      // 95 items `N. **[Title](url)**`, one of them `5 **[...]` without its dot: all papers.
      assert.equal(countLines(text, /^\d+\.? ?\*\*/), 95);
      assert.equal(papers.length, 95);
      assert.equal(problems.length, 0);
      assert.equal(papers.length + problems.length, 95);
      // 64 of them have an author line, 31 only tags and a venue.
      assert.equal(countLines(text, /^\s*\*[A-Z][^*]+\*/), 64);
      assert.equal(papers.filter((p) => p.authors.length > 0).length, 64);
      assertClean(text, papers);
    });

    it('reads the authors and the short venue from the line under the title', () => {
      const thesis = byTitle('What does the knowledge neuron thesis');
      assert.equal(thesis.title, 'What does the knowledge neuron thesis have to do with knowledge?');
      assert.deepEqual(thesis.authors, ['Jingcheng Niu', 'Andrew Liu', 'Zining Zhu', 'Gerald Penn']);
      assert.equal(thesis.venue, 'ICLR');
      assert.equal(thesis.year, 2024);
      assert.equal(thesis.arxivId, '2405.02421');
      assert.equal(thesis.sources[0]!.line, 25);
      const mechanisms = byTitle('Knowledge Mechanisms in Large Language Models');
      assert.equal(mechanisms.authors.length, 13);
      assert.equal(mechanisms.authors[12], 'Ningyu Zhang');
      assert.equal(mechanisms.venue, 'EMNLP Findings');
      const neurons = byTitle('Does Large Language Model contain Task-Specific Neurons');
      assert.equal(neurons.authors.at(-1), 'Zhengtao Yu');
      assert.equal(neurons.venue, 'EMNLP');
      assert.equal(neurons.arxivId, undefined);
    });

    it('reads author lines indented by one space or none, after a blank line', () => {
      const nuggets = byTitle('Seeking Neural Nuggets');
      assert.deepEqual(nuggets.authors, ['Ming Zhong', 'Chenxin An', 'Weizhu Chen', 'Jiawei Han', 'Pengcheng He']);
      assert.equal(nuggets.year, 2024);
      assert.equal(nuggets.arxivId, '2310.11451');
      const steering = papers.filter((p) => p.title === 'Activation Addition: Steering Language Models Without Optimization');
      assert.deepEqual(
        steering.map((p) => p.sources[0]!.line),
        [129, 324],
      );
      for (const paper of steering) {
        assert.equal(paper.authors.length, 7);
        assert.equal(paper.authors[0], 'Alexander Matt Turner');
        assert.equal(paper.venue, undefined, 'a preprint is no venue');
        assert.equal(paper.year, 2023);
      }
    });

    it('reads a venue line without authors, and keeps workshops and findings in the venue', () => {
      const ethos = byTitle('Ethos: Rectifying language models');
      assert.deepEqual(ethos.authors, []);
      assert.equal(ethos.venue, 'NAACL Findings');
      assert.equal(ethos.year, 2024);
      assert.equal(ethos.arxivId, '2403.08994');
      assert.equal(byTitle('Memory injections').venue, 'BlackboxNLP Workshop at EMNLP');
      assert.equal(byTitle('When babies teach babies').venue, 'CoNLL Workshop at EMNLP');
      assert.deepEqual(byTitle('When babies teach babies').authors, ['Srikrishna Iyer']);
      const submitted = byTitle('IN-PARAMETER KNOWLEDGE INJECTION');
      assert.equal(submitted.venue, undefined, 'submitted to ICLR is not published there');
      assert.equal(submitted.year, 2025);
    });

    it('reads the item without its dot and the title with its address inside', () => {
      const undotted = byTitle('Train small, infer large');
      assert.equal(undotted.sources[0]!.line, lineWith(text, '5 **[Train small'));
      assert.equal(undotted.arxivId, '2502.13533');
      assert.equal(undotted.year, 2025);
      const yarn = byTitle('YaRN');
      assert.equal(yarn.title, 'YaRN: Efficient context window extension of large language models');
      assert.equal(yarn.arxivId, '2309.00071');
      assert.equal(yarn.venue, 'ICLR');
      assert.equal(yarn.year, 2024);
    });

    it('dates a paper by its arXiv id, and gives it the year of its venue', () => {
      const chameleon = byTitle('Adaptive Chameleon or Stubborn Sloth');
      assert.equal(chameleon.date, '2023-05');
      assert.equal(chameleon.year, 2024);
      assert.equal(byTitle('Decoding specialised feature neurons').year, 2025);
    });
  });

  describe('plain titles before [[Paper]] buttons: Awesome Foundation Models for Advancing Healthcare', () => {
    const file = 'foundation-models-for-healthcare.md';
    const { text, result } = read(file);
    const { papers, problems } = result;
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads the 224 bullets with a [[Paper]] button, and none of the other 23 bullets', () => {
      // 247 bullets: 224 papers, each with one [[Paper]] or [[paper]] button; 17 contents links,
      // a code-only project, a tutorial, two blog posts and two awesome lists are not papers.
      // The dataset tables list datasets, not papers.
      assert.equal(countLines(text, /^\s*- /), 247);
      assert.equal(countLines(text, /^\s*- .*\[\[[Pp]aper\]\]\(https?:/), 224);
      assert.equal(countLines(text, /^\s*- \[[^\]]+\]\(#/), 17);
      assert.equal(papers.length, 224);
      assert.equal(problems.length, 0);
      assert.equal(papers.length + problems.length, 224);
      assertClean(text, papers);
      assert.ok(!papers.some((p) => /Visual med-alpaca|Geneformer Tutorial|Shaky Foundations|Awesome-/.test(p.title)));
    });

    it('takes the text between the [Venue] tag and the buttons as the title', () => {
      const segmentation = byTitle('Foundation models for biomedical image segmentation');
      assert.equal(segmentation.title, 'Foundation models for biomedical image segmentation: A survey');
      assert.equal(segmentation.venue, 'arXiv');
      assert.equal(segmentation.arxivId, '2401.07654');
      assert.equal(segmentation.year, 2024);
      assert.equal(segmentation.date, '2024-01');
      assert.equal(segmentation.sources[0]!.line, 60);
      assert.deepEqual(segmentation.keywords, ['Related survey']);
      const medicine = byTitle('Large language models in medicine');
      assert.equal(medicine.title, 'Large language models in medicine');
      assert.equal(medicine.venue, 'Nature medicine');
      assert.equal(medicine.year, undefined);
      assert.equal(byTitle('SAM-Med3D').arxivId, '2310.15161');
      assert.equal(byTitle('Virchow').arxivId, '2309.07778');
    });

    it('keeps titles that start in lower case, and venues with a year', () => {
      const scgpt = byTitle('scGPT');
      assert.equal(scgpt.venue, 'Nature Methods');
      assert.deepEqual(scgpt.keywords, ['Methods', 'BFM methods']);
      assert.equal(byTitle('nnSAM').arxivId, '2309.16967');
      const cellplm = byTitle('CellPLM');
      assert.equal(cellplm.venue, 'ICLR 2024');
      assert.equal(cellplm.year, 2024);
      assert.equal(byTitle('MSA Transformer').venue, 'ICML 2021');
      assert.equal(byTitle('The nucleotide transformer').venue, 'bioRxiv');
    });

    it('does not run a bullet into the bold year line under it', () => {
      const cellplm = byTitle('CellPLM');
      assert.equal(cellplm.sources[0]!.line, lineWith(text, 'CellPLM'));
      assert.equal(lineWith(text, '**2023**', cellplm.sources[0]!.line), cellplm.sources[0]!.line + 1);
      assert.equal(byTitle('DNAGPT').year, 2023);
    });
  });

  describe('tables with anchors: Medical Hallucination in Foundation Models', () => {
    const file = 'medical-hallucination.md';
    const { text, result } = read(file);
    const { papers, problems } = result;
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads the 34 rows of its six paper tables, and nothing of the README around them', () => {
      // 6 + 9 + 2 + 4 + 4 + 9 rows; the setup steps, model names, API keys, options and
      // numbered lists around them are not papers.
      assert.equal(countLines(text, /^\s*\| \[/), 34);
      assert.equal(countLines(text, /^\| Title \| Institute \| Date \| Code/), 6);
      assert.equal(papers.length, 34);
      assert.equal(problems.length, 0);
      assert.equal(papers.length + problems.length, 34);
      assertClean(text, papers);
    });

    it("reads the first institute as the first author's organization, and the date column", () => {
      const medhalu = byTitle('MedHalu');
      assert.equal(medhalu.organization, 'University of Surrey');
      assert.equal(medhalu.date, '2024-09');
      assert.equal(medhalu.arxivId, '2409.19492');
      assert.deepEqual(medhalu.keywords, ['Hallucinations in Medical LLMs']);
      const knowledge = byTitle('Chain-of-Knowledge');
      assert.equal(knowledge.arxivId, '2305.13269');
      assert.equal(knowledge.organization, 'DAMOAcademy, Alibaba Group');
      assert.equal(knowledge.date, '2024-02');
    });

    it('reads rows that start with a space, under headings that do too', () => {
      const factscore = byTitle('FACTSCORE');
      assert.equal(factscore.sources[0]!.line, lineWith(text, ' | [FACTSCORE'));
      assert.equal(factscore.organization, 'University of Washington');
      assert.equal(factscore.date, '2023-12');
      const questeval = byTitle('QuestEval');
      assert.deepEqual(questeval.keywords, ['Dection Methods for Medical Hallucination', 'Type 2: Summary Consistency Verification']);
      assert.equal(questeval.organization, 'CNRS');
    });
  });
});
