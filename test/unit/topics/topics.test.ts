import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { computeTopics, OTHER_TOPIC, parseOverrides, serializeOverrides, type Topic, type TopicOverrides } from '../../../src/core/topics';
import { IndexHeap } from '../../../src/core/topics/heap';
import { buildIndex } from '../../../src/core/topics/paperIndex';
import { acronymDefinitions, surfaceForm } from '../../../src/core/topics/phrases';
import { compileMatcher, folderOf } from '../../../src/core/topics/rules';
import { singular } from '../../../src/core/topics/vocabulary';
import { exampleListing } from '../helpers';
import { makePaper } from '../paperFactory';

function examplePapers(): Paper[] {
  return Library.fromListings([exampleListing()]).papers;
}

function paper(key: string, title: string, abstract: string, file = 'papers.md'): Paper {
  return makePaper({ key, title, abstract, sources: [{ file, line: 1 }] });
}

function byName(topics: readonly Topic[], name: string): Topic {
  const topic = topics.find((t) => t.name === name);
  assert.ok(topic, `expected a topic "${name}" among: ${topics.map((t) => t.name).join(', ')}`);
  return topic;
}

function keyOf(papers: readonly Paper[], titleStart: string): string {
  const found = papers.find((p) => p.title.startsWith(titleStart));
  assert.ok(found, `no paper titled "${titleStart}..."`);
  return found.key;
}

function topicsByKey(papers: readonly Paper[]): Map<string, string> {
  return new Map(papers.map((p) => [p.key, [...p.topics].sort().join(' | ')]));
}

/** Six groups of biology papers: another field, another vocabulary. */
const BIOLOGY: Array<[group: string, title: string, abstract: string]> = [
  ['crispr', 'Base Editing Corrects a Pathogenic Mutation in Patient-Derived Liver Organoids', 'CRISPR base editors convert single nucleotides without double-strand breaks. We delivered an adenine base editor to liver organoids carrying a pathogenic mutation and restored enzyme activity. Off-target editing was rare when guide RNAs were screened with whole-genome sequencing. Base editing offers a path to correct monogenic liver disease.'],
  ['crispr', 'Reducing Off-Target Cleavage of Cas9 with Engineered Guide RNAs', 'Off-target cleavage limits the therapeutic use of CRISPR-Cas9 genome editing. We engineered guide RNAs with chemical modifications and measured off-target cleavage genome-wide. Modified guide RNAs reduced off-target edits tenfold while keeping on-target genome editing efficiency. These guide RNA designs make Cas9 safer for clinical genome editing.'],
  ['crispr', 'Prime Editing in Primary T Cells for Cancer Immunotherapy', 'Prime editing writes new genetic information without donor DNA. We optimised prime editing in primary human T cells and inserted a receptor that improves tumour killing. Genome editing efficiency reached forty percent with few off-target edits. Prime editing of T cells could simplify engineered cell therapy.'],
  ['crispr', 'A Compact Cas12 Nuclease for In Vivo Genome Editing', 'Delivery of large Cas9 nucleases by adeno-associated virus is difficult. We characterised a compact Cas12 nuclease that fits in a single viral vector with its guide RNA. In mice, the compact nuclease achieved efficient genome editing in muscle and liver. Compact CRISPR nucleases widen in vivo genome editing.'],
  ['crispr', 'Epigenome Editing Silences a Disease Gene Without Cutting DNA', 'Epigenome editing uses a catalytically dead Cas9 fused to chromatin modifiers. We targeted a disease gene with CRISPR epigenome editing and achieved durable silencing through DNA methylation. No double-strand breaks or off-target mutations were detected. Epigenome editing complements nuclease-based genome editing.'],
  ['microbiome', 'The Gut Microbiome Shapes Response to Immune Checkpoint Therapy', 'Patients respond differently to checkpoint inhibitors. We sequenced the gut microbiome of melanoma patients before therapy and found that specific commensal bacteria predict response. Faecal microbiota transplantation from responders improved tumour control in mice. The gut microbiome is a modifiable factor in cancer therapy.'],
  ['microbiome', 'Dietary Fibre Alters Gut Microbiome Composition and Short-Chain Fatty Acids', 'Dietary fibre is fermented by gut bacteria into short-chain fatty acids. In a controlled feeding study, high-fibre diets shifted gut microbiome composition and raised butyrate levels. Changes in short-chain fatty acids correlated with lower inflammation markers. Diet is a lever on the gut microbiome and host metabolism.'],
  ['microbiome', 'Antibiotic Exposure in Infancy Disrupts the Developing Gut Microbiome', 'Early-life antibiotics are common. We followed infants for two years and profiled the gut microbiome by metagenomic sequencing. Antibiotic exposure reduced microbial diversity and delayed maturation of the gut microbiome. Disrupted gut bacteria in infancy were associated with later allergies.'],
  ['microbiome', 'Metagenomic Sequencing Reveals Strain Sharing Between Mothers and Infants', 'How infants acquire gut bacteria is unclear. Using metagenomic sequencing of mother-infant pairs, we tracked bacterial strains across body sites. Many infant gut microbiome strains came from the mother, mostly from the gut rather than the vagina. Strain sharing shapes the early gut microbiome.'],
  ['protein', 'Accurate Protein Structure Prediction with Deep Learning', 'Protein structure prediction from sequence is a long-standing problem. We present a deep learning model that predicts protein structure with atomic accuracy using attention over multiple sequence alignments. Predicted structures matched experimental structures for most targets. Accurate protein structure prediction accelerates structural biology.'],
  ['protein', 'De Novo Design of Protein Binders Using Diffusion Models', 'Designing proteins that bind a chosen target remains hard. We trained a diffusion model on protein structures and generated binders de novo for several targets. Many designed proteins bound their targets with high affinity in experiments. Generative protein design now yields functional binders.'],
  ['protein', 'Predicting Protein Complex Structures Across the Proteome', 'Most proteins act in complexes. We applied protein structure prediction to pairs of proteins across the yeast proteome and predicted thousands of protein complex structures. Confident predicted complexes were enriched for known interactions. Proteome-wide structure prediction maps protein complexes.'],
  ['protein', 'Language Models of Protein Sequences Predict Mutation Effects', 'Protein language models learn from millions of sequences. We show that a protein language model predicts the effect of mutations on protein function without supervision. Predictions agree with deep mutational scanning experiments. Protein language models aid protein engineering and variant interpretation.'],
  ['singlecell', 'A Single-Cell Atlas of the Developing Human Heart', 'The cellular composition of the developing heart is poorly described. We profiled over two hundred thousand cells with single-cell RNA sequencing across gestation. Clustering revealed new cardiomyocyte states and their gene expression programmes. This single-cell atlas is a reference for congenital heart disease.'],
  ['singlecell', 'Integrating Single-Cell RNA Sequencing Data Across Batches', 'Batch effects confound comparisons of single-cell data. We introduce a method that integrates single-cell RNA sequencing datasets from different batches and technologies while preserving biological variation. Integrated data improved cell type annotation. Data integration enables large single-cell atlases.'],
  ['singlecell', 'Spatial Transcriptomics Maps Gene Expression in the Mouse Brain', 'Spatial context is lost in dissociated single-cell data. We applied spatial transcriptomics to the mouse brain and mapped gene expression of cell types in their tissue location. Combining spatial transcriptomics with single-cell RNA sequencing resolved layer-specific neurons. Spatial gene expression maps complement single-cell atlases.'],
  ['singlecell', 'Tracing Cell Lineages in Zebrafish with Single-Cell Barcodes', 'Lineage tracing links cells to their ancestors. We combined CRISPR-based barcodes with single-cell RNA sequencing to reconstruct cell lineages in zebrafish. Lineage trees revealed when cell types diverge. Single-cell lineage tracing connects gene expression to developmental history.'],
  ['resistance', 'Spread of Carbapenem Resistance Genes on Plasmids in Hospitals', 'Carbapenem resistance threatens treatment of bacterial infections. We sequenced bacterial isolates from hospital patients and found resistance genes carried on shared plasmids across species. Plasmid transfer explained most outbreaks of antibiotic resistance. Surveillance must track plasmids, not only bacterial strains.'],
  ['resistance', 'Phage Therapy Against Multidrug-Resistant Bacterial Infections', 'Multidrug-resistant bacteria leave few treatment options. We treated patients with bacterial infections using personalised bacteriophage cocktails. Phage therapy cleared infection in most cases and resistance to phage reduced bacterial virulence. Phage therapy is an option against antibiotic resistance.'],
  ['resistance', 'Evolution of Antibiotic Resistance Under Fluctuating Drug Concentrations', 'How antibiotic resistance evolves depends on drug exposure. We evolved bacteria under fluctuating antibiotic concentrations and sequenced resistant populations. Fluctuating exposure selected different resistance mutations than constant exposure. Dosing schedules shape the evolution of antibiotic resistance.'],
  ['resistance', 'A Deep Learning Screen Discovers a New Antibiotic', 'New antibiotics are urgently needed against resistant bacteria. We trained a deep learning model on growth inhibition data and screened millions of molecules. A structurally novel antibiotic killed multidrug-resistant bacteria in mouse infection models. Machine learning can speed antibiotic discovery against antibiotic resistance.'],
  ['plants', 'Drought Stress Responses in Maize Roots Revealed by Transcriptomics', 'Drought stress limits crop yield. We measured gene expression in maize roots under drought stress and identified transcription factors that control root growth. Plants overexpressing one factor kept yield under drought. Understanding drought stress responses can improve crop resilience.'],
  ['plants', 'Engineering Photosynthesis to Increase Crop Yield in the Field', 'Photosynthesis is inefficient in fluctuating light. We engineered tobacco plants to recover faster from photoprotection and tested them in field trials. Engineered plants increased photosynthesis and yield by fifteen percent. Improving photosynthesis is a route to higher crop yield.'],
  ['plants', 'Heat Stress Tolerance in Wheat Through Altered Stomatal Control', 'Heat stress reduces wheat yield as climates warm. We identified a gene regulating stomatal closure and showed that its variant improves heat stress tolerance. Field-grown plants with the variant maintained photosynthesis and grain yield under heat stress. Stomatal control is a target for heat-tolerant crops.'],
  ['plants', 'Salt Stress Signalling in Arabidopsis Roots', 'Salt stress inhibits plant growth. We traced calcium signalling in Arabidopsis roots under salt stress and found a receptor that triggers ion transport. Mutant plants lacking the receptor were hypersensitive to salt stress. Salt stress signalling pathways could be engineered in crops.'],
];

function biologyPapers(): Paper[] {
  return BIOLOGY.map(([, title, abstract], i) => paper(`bio${String(i).padStart(2, '0')}`, title, abstract));
}

/** Letters only, lower case, singular: how a label's words are looked for in a text. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map(singular);
}

describe('topics', () => {
  describe('on the example library (60 papers on reinforcement learning and search)', () => {
    const papers = examplePapers();
    const { topics, papers: withTopics } = computeTopics(papers);
    const auto = topics.filter((t) => t.origin === 'auto');

    it('finds a handful of topics for 60 papers, puts every paper somewhere and keeps "Other" small', () => {
      assert.equal(papers.length, 60);
      assert.ok(auto.length >= 5 && auto.length <= 15, `${auto.length} automatic topics`);
      for (const p of withTopics) assert.ok(p.topics.length >= 1, `"${p.title}" has no topic`);
      const other = topics.find((t) => t.origin === 'other');
      // A paper no topic's phrase claims joins the topic it most resembles, so Other keeps only
      // papers sharing little with any topic.
      assert.ok(!other || other.keys.length <= 0.1 * papers.length, `Other holds ${other?.keys.length}`);
      const largest = Math.max(...topics.map((t) => t.keys.length));
      assert.ok(largest <= 0.4 * papers.length, `largest topic has ${largest} papers`);
    });

    it('never makes a topic of what nearly every paper says ("reinforcement learning", "LLM", "search")', () => {
      for (const topic of topics) assert.doesNotMatch(topic.name, /^(reinforcement learning|rl|llms?|large language models?|search|reasoning|language models?)$/i);
    });

    it('labels topics with phrases its papers use (or a lexicon label), never with numbers or lone stems', () => {
      for (const topic of auto) {
        assert.doesNotMatch(topic.name, /\d|^topic\b|cluster/i, topic.name);
        assert.match(topic.name, /^[A-Z]/, `"${topic.name}" should read like a folder name`);
        assert.ok(topic.terms && topic.terms.length > 0, `"${topic.name}" should keep its defining terms`);
        const members = withTopics.filter((p) => topic.keys.includes(p.key));
        const own = topic.terms[0]!;
        const usedBy = members.filter((p) => ` ${words(`${p.title} ${p.abstract ?? ''}`).join(' ')} `.includes(` ${own} `));
        assert.ok(usedBy.length >= 2, `"${topic.name}" is defined by "${own}", which too few of its papers use`);
      }
    });

    it('says why papers are together', () => {
      for (const topic of auto) assert.match(topic.why, /^Papers sharing: [a-z]/, topic.why);
      assert.match(topics.find((t) => t.origin === 'other')?.why ?? 'Papers that share no topic with enough others', /share no topic/);
    });

    it('groups tree search papers, reading "MCTS" as Monte Carlo Tree Search', () => {
      const tree = byName(topics, 'Tree Search');
      const mctsOnly = keyOf(papers, 'COS(M+O)S'); // says "MCTS", never "tree search" in words
      assert.ok(tree.keys.includes(mctsOnly), `${mctsOnly} should be in Tree Search: ${tree.keys.join(', ')}`);
      assert.ok(tree.keys.includes(keyOf(papers, 'DeepSearch: Overcome')));
      assert.ok(tree.keys.includes(keyOf(papers, 'MARS$^2$')));
    });

    it('gives each paper at most maxTopicsPerPaper automatic topics', () => {
      const { papers: one } = computeTopics(papers, { maxTopicsPerPaper: 1 });
      for (const p of one) assert.ok(p.topics.length === 1, `"${p.title}" has ${p.topics.join(', ')}`);
      for (const p of withTopics) assert.ok(p.topics.length <= 3);
    });

    it('is the same whatever order the papers come in', () => {
      const reversed = computeTopics([...papers].reverse());
      const shuffled = computeTopics([...papers].sort((a, b) => (a.title.length % 7) - (b.title.length % 7) || b.key.localeCompare(a.key)));
      assert.deepEqual(reversed.topics, topics);
      assert.deepEqual(shuffled.topics, topics);
      assert.deepEqual(topicsByKey(reversed.papers), topicsByKey(withTopics));
    });

    it('returns the papers in the order given, with topics filled in and nothing else changed', () => {
      assert.deepEqual(
        withTopics.map((p) => p.key),
        papers.map((p) => p.key),
      );
      assert.deepEqual({ ...withTopics[0]!, topics: [] }, papers[0]);
    });

    it('keeps everyone else in place when a paper is added, given the previous topics', () => {
      const added = paper(
        'WebExplorer2026',
        'WebExplorer: Long-Horizon Agentic Search with Web Navigation via Reinforcement Learning',
        'We train a search agent to browse the web with reinforcement learning. The agent issues search queries, reads pages and answers multi-hop questions. Trained with GRPO on synthesized data, WebExplorer improves over prior search agents on BrowseComp and GAIA.',
      );
      const next = computeTopics([...papers, added], { previous: topics });
      const before = topicsByKey(withTopics);
      const after = topicsByKey(next.papers);
      const moved = [...before].filter(([key, names]) => after.get(key) !== names);
      assert.ok(moved.length <= 2, `${moved.length} papers changed topics: ${moved.map(([k]) => k).join(', ')}`);
      assert.ok(next.papers.find((p) => p.key === added.key)!.topics.length >= 1);
      // The same input with its own topics as previous gives the same topics.
      assert.deepEqual(computeTopics(papers, { previous: topics }).topics, topics);
    });

    it('works as the library topics hook', () => {
      const library = Library.fromListings([exampleListing()], { topics: (list) => computeTopics(list).papers });
      assert.ok(library.papers.every((p) => p.topics.length > 0));
      assert.deepEqual(topicsByKey(library.papers), topicsByKey(withTopics));
    });
  });

  describe('in another field', () => {
    const papers = biologyPapers();
    const { topics, papers: withTopics } = computeTopics(papers);
    const auto = topics.filter((t) => t.origin === 'auto');

    it('finds topics named with phrases from the biology papers, not from the machine learning lexicon', () => {
      assert.ok(auto.length >= 4 && auto.length <= 10, auto.map((t) => t.name).join(', '));
      const text = ` ${words(papers.map((p) => `${p.title} ${p.abstract}`).join(' ')).join(' ')} `;
      for (const topic of auto) {
        assert.ok(text.includes(` ${words(topic.name).join(' ')} `), `"${topic.name}" is not a phrase of these papers`);
      }
      const names = auto.map((t) => t.name.toLowerCase()).join(' | ');
      assert.match(names, /microbiome/);
      assert.match(names, /antibiotic resistance/);
      assert.match(names, /genome editing|crispr|guide rna/);
    });

    it('recovers the six groups', () => {
      const group = new Map(BIOLOGY.map(([g, title]) => [title, g]));
      let together = 0;
      let apart = 0;
      for (const a of withTopics) {
        for (const b of withTopics) {
          if (a.key >= b.key || group.get(a.title) !== group.get(b.title)) continue;
          if (a.topics.some((t) => b.topics.includes(t))) together++;
          else apart++;
        }
        const mixed = withTopics.filter((b) => group.get(b.title) !== group.get(a.title) && a.topics.some((t) => b.topics.includes(t)));
        assert.ok(mixed.length <= 1, `"${a.title}" shares a topic with ${mixed.map((b) => b.title).join('; ')}`);
      }
      assert.ok(together / (together + apart) >= 0.8, `${together} of ${together + apart} same-group pairs share a topic`);
    });

    it('reads a one-word name before a title\'s colon as the paper\'s name, not its subject', () => {
      // Papers on unrelated subjects whose names share a part ("-Lite") have nothing in common.
      const names = ['Kalo-Lite', 'Mira-Lite', 'Zeta-Lite', 'Tuvo-Lite', 'Peri-Lite', 'Soma-Lite', 'Lumo-Lite', 'Vexa-Lite'];
      const named = biologyPapers().map((p, i) => (i % 3 === 0 ? { ...p, title: `${names[i / 3]}: ${p.title}` } : p));
      assert.equal(buildIndex(named).table.find('lite'), undefined);
      // A title that is all phrase, colon or not, still counts.
      const plain = named.map((p, i) => (i % 3 === 0 ? { ...p, title: `Lite ${p.title}` } : p));
      assert.notEqual(buildIndex(plain).table.find('lite'), undefined);
      const { topics } = computeTopics(named);
      for (const topic of topics) assert.doesNotMatch(topic.name, /lite/i, topics.map((t) => t.name).join(', '));
    });
  });

  describe('topic hints from listings', () => {
    const withKeywords = (key: string, title: string, abstract: string, keywords: string[]): Paper => ({ ...paper(key, title, abstract), keywords });
    const papers = [
      ...['Dreamer', 'PlaNet', 'MuZero', 'IRIS', 'DayDreamer', 'TD-MPC'].map((name, i) =>
        withKeywords(`w${i}`, `${name}: Learning Latent Dynamics for Planning`, `We learn a model of the environment and plan in its latent space, on control task ${i}.`, ['World Models']),
      ),
      ...['Whisper', 'wav2vec', 'Conformer', 'HuBERT', 'Tacotron', 'DeepSpeech'].map((name, i) =>
        withKeywords(`s${i}`, `${name}: Robust Transcription from Raw Waveforms`, `We transcribe audio recordings with a network trained on many hours, on benchmark ${i}.`, ['Speech Recognition', 'cs.CL']),
      ),
    ];

    it('names topics after a listing\'s own headings, as written, over lexicon labels and arXiv fields', () => {
      const { topics } = computeTopics(papers);
      assert.deepEqual(
        topics.map((t) => [t.name, t.keys.length]),
        [
          ['Speech Recognition', 6],
          ['World Models', 6],
        ],
      );
    });

    it('reads arXiv categories as the field they name', () => {
      const fields = papers.map((p) => ({ ...p, keywords: p.keywords.filter((k) => k.startsWith('cs.')) }));
      const { topics } = computeTopics(fields);
      assert.ok(topics.some((t) => t.name === 'Computation and Language' && t.keys.length === 6), topics.map((t) => t.name).join(', '));
    });
  });

  describe('sizes', () => {
    it('handles an empty library and a single paper', () => {
      assert.deepEqual(computeTopics([]), { topics: [], papers: [] });
      const single = computeTopics([paper('a', 'Bread Baking in the Middle Ages', 'Ovens, guilds and flour.')]);
      assert.deepEqual(single.papers[0]!.topics, [OTHER_TOPIC]);
    });

    it('puts a paper unlike the rest in Other', () => {
      const papers = [...biologyPapers(), paper('bread', 'A History of Medieval Bread Baking', 'We study ovens, guilds and flour prices in medieval towns.')];
      const { topics, papers: withTopics } = computeTopics(papers);
      assert.deepEqual(withTopics.find((p) => p.key === 'bread')!.topics, [OTHER_TOPIC]);
      assert.equal(topics[topics.length - 1]!.origin, 'other');
    });

    it('nests topics in a large library', () => {
      const base = examplePapers();
      const large = Array.from({ length: 10 }, (_, copy) => base.map((p) => ({ ...p, key: `${p.key}x${copy}` }))).flat();
      assert.ok(large.length > 500);
      const { topics, papers } = computeTopics(large);
      const nested = topics.filter((t) => t.children?.length);
      assert.ok(nested.length > 0, 'some topics should have nested topics');
      for (const parent of nested) {
        for (const child of parent.children!) {
          assert.ok(child.keys.every((k) => parent.keys.includes(k)), `${child.name} holds papers ${parent.name} does not`);
          assert.equal(child.origin, 'auto');
        }
      }
      const top = topics.filter((t) => t.origin === 'auto').length;
      assert.ok(top >= 5 && top <= 20, `${top} top-level topics`);
      assert.ok(papers.every((p) => p.topics.length > 0));
    });
  });

  describe('rules', () => {
    const papers = examplePapers();

    it('puts every paper a rule matches in its topic, before automatic topics', () => {
      const { topics, papers: withTopics } = computeTopics(papers, {
        rules: [{ name: 'MCTS', match: ['/\\bMCTS\\b/', 'monte carlo tree search'] }],
      });
      assert.equal(topics[0]!.name, 'MCTS');
      assert.equal(topics[0]!.origin, 'rule');
      assert.equal(topics[0]!.why, "Rule: matches '/\\bMCTS\\b/' or 'monte carlo tree search'");
      const expected = papers.filter((p) => /\bMCTS\b|monte[\s-]+carlo[\s-]+tree[\s-]+search/i.test(`${p.title}\n${p.abstract}`)).map((p) => p.key);
      assert.deepEqual(topics[0]!.keys, [...expected].sort());
      // Rules leave room for automatic topics up to the maximum.
      const mcts = withTopics.filter((p) => p.topics.includes('MCTS'));
      assert.ok(mcts.some((p) => p.topics.length > 1));
      assert.ok(withTopics.every((p) => p.topics.length <= 3));
    });

    it('leaves out papers an exclusion matches, and matches plurals and hyphens', () => {
      const { topics } = computeTopics(papers, { rules: [{ name: 'Search Agents', match: ['search agent'], exclude: ['multimodal', '/survey/i'] }] });
      const rule = byName(topics, 'Search Agents');
      assert.equal(rule.why, "Rule: matches 'search agent', not 'multimodal' or '/survey/i'");
      assert.ok(rule.keys.includes(keyOf(papers, 'ReSeek'))); // "Search agents powered by..."
      assert.ok(!rule.keys.includes(keyOf(papers, 'VSearcher'))); // multimodal
      assert.ok(!rule.keys.includes(keyOf(papers, 'A Comprehensive Survey')));
    });

    it('matches phrases as whole words, ignoring case, hyphens and plurals', () => {
      const tree = compileMatcher('tree search')!;
      assert.ok(tree('Multi-Agent Tree-Search Scaling'));
      assert.ok(tree('TREE SEARCHES'));
      assert.ok(!tree('subtree searching'));
      assert.ok(compileMatcher('query')!('complex queries'));
      assert.ok(compileMatcher('/gr?po/i')!('We use GRPO.'));
      assert.ok(compileMatcher('/[unclosed/')!('an [unclosed bracket'), 'an invalid expression is matched as words');
      assert.equal(compileMatcher('  '), undefined);
    });

    it('shows a rule with no papers nowhere, and a rule named like an automatic topic replaces it', () => {
      const none = computeTopics(papers, { rules: [{ name: 'Quantum Chemistry', match: ['density functional'] }] });
      assert.ok(!none.topics.some((t) => t.name === 'Quantum Chemistry'));
      const { topics } = computeTopics(papers, { rules: [{ name: 'Tree Search', match: ['/MCTS/'] }] });
      const tree = topics.filter((t) => t.name === 'Tree Search');
      assert.equal(tree.length, 1);
      assert.equal(tree[0]!.origin, 'rule');
    });
  });

  describe('folders', () => {
    it('makes a topic of each subfolder a listing sits in, when asked', () => {
      const papers = [
        paper('a', 'Offline Reinforcement Learning at Scale', 'Offline RL from logged data.', 'rl/offline.bib'),
        paper('b', 'Model-Based Reinforcement Learning', 'World models for RL.', 'rl/model-based.bib'),
        paper('c', 'Protein Structure Prediction', 'Deep learning for proteins.', 'bio/proteins/2024.md'),
        paper('d', 'Unsorted Paper', 'A paper at the root of the library.', 'inbox.md'),
        paper('e', 'Outside Paper', 'A paper from outside the library.', '/home/me/elsewhere/list.md'),
      ];
      const { topics, papers: withTopics } = computeTopics(papers, { folderTopics: true });
      const rl = byName(topics, 'rl');
      assert.deepEqual(rl, { name: 'rl', keys: ['a', 'b'], why: 'Folder rl/', origin: 'folder' });
      assert.deepEqual(byName(topics, 'bio/proteins').keys, ['c']);
      assert.ok(!withTopics.find((p) => p.key === 'd')!.topics.some((t) => t.includes('/')));
      assert.ok(!topics.some((t) => t.name.includes('home')));
      assert.ok(!computeTopics(papers).topics.some((t) => t.origin === 'folder'), 'off unless asked');
    });

    it('reads the folder of relative, Windows and dotted paths', () => {
      assert.equal(folderOf('rl/foo.bib'), 'rl');
      assert.equal(folderOf('rl\\deep\\foo.bib'), 'rl/deep');
      assert.equal(folderOf('./rl/foo.bib'), 'rl');
      assert.equal(folderOf('foo.bib'), undefined);
      assert.equal(folderOf('C:\\papers\\foo.bib'), undefined);
      // Hidden folders hold records (what Complete Metadata learned), not a subject.
      assert.equal(folderOf('.lit-review/resolved.bib'), undefined);
      assert.equal(folderOf('rl/.cache/foo.bib'), undefined);
    });
  });

  describe('overrides', () => {
    const papers = examplePapers();
    const plain = computeTopics(papers);
    const ssrl = keyOf(papers, 'SSRL');
    const mars = keyOf(papers, 'MARS$^2$');

    it('moves a paper to exactly the topics the user chose, making a topic only the user has', () => {
      const overrides: TopicOverrides = { moves: { [ssrl]: ['Reading Group'], [mars]: ['Tree Search', 'Reading Group'] }, renames: {} };
      const { topics, papers: withTopics } = computeTopics(papers, { overrides });
      const group = byName(topics, 'Reading Group');
      assert.deepEqual(group, { name: 'Reading Group', keys: [mars, ssrl].sort(), why: 'You moved these papers here', origin: 'user' });
      assert.deepEqual(withTopics.find((p) => p.key === ssrl)!.topics, ['Reading Group']);
      assert.deepEqual([...withTopics.find((p) => p.key === mars)!.topics].sort(), ['Reading Group', 'Tree Search']);
      for (const topic of topics) if (topic.name !== 'Reading Group' && topic.name !== 'Tree Search') assert.ok(!topic.keys.includes(mars));
    });

    it('says when a computed topic holds papers the user moved into it', () => {
      const biggest = plain.topics.filter((t) => t.origin === 'auto')[0]!;
      const outsider = papers.find((p) => !biggest.keys.includes(p.key))!;
      const { topics } = computeTopics(papers, { overrides: { moves: { [outsider.key]: [biggest.name] }, renames: {} } });
      const moved = byName(topics, biggest.name);
      assert.ok(moved.keys.includes(outsider.key));
      assert.match(moved.why, /; you moved a paper here$/);
    });

    it('renames topics, follows chains, and merges a topic renamed to an existing name', () => {
      const { topics, papers: withTopics } = computeTopics(papers, { overrides: { moves: {}, renames: { 'Tree Search': 'Search Trees', 'Search Trees': 'MCTS & Friends' } } });
      const renamedTopic = byName(topics, 'MCTS & Friends');
      assert.deepEqual(renamedTopic.keys, byName(plain.topics, 'Tree Search').keys);
      assert.match(renamedTopic.why, /\(renamed from "Tree Search"\)$/);
      assert.ok(!topics.some((t) => t.name === 'Tree Search'));
      assert.ok(withTopics.find((p) => p.key === mars)!.topics.includes('MCTS & Friends'));

      const [a, b] = plain.topics.filter((t) => t.origin === 'auto');
      const merged = computeTopics(papers, { overrides: { moves: {}, renames: { [a!.name]: 'Merged', [b!.name]: 'Merged' } } });
      assert.deepEqual(byName(merged.topics, 'Merged').keys, [...new Set([...a!.keys, ...b!.keys])].sort());
    });

    it('sends moves to a renamed topic to its new name, ignores unknown keys, and survives cycles', () => {
      const { topics } = computeTopics(papers, { overrides: { moves: { [ssrl]: ['Tree Search'], 'no-such-key': ['Elsewhere'] }, renames: { 'Tree Search': 'Trees' } } });
      assert.ok(byName(topics, 'Trees').keys.includes(ssrl));
      assert.ok(!topics.some((t) => t.name === 'Elsewhere'));
      const cycle = computeTopics(papers, { overrides: { moves: {}, renames: { 'Tree Search': 'X', X: 'Tree Search' } } });
      assert.equal(cycle.topics.filter((t) => t.name === 'X' || t.name === 'Tree Search').length, 1);
    });

    it('puts a paper moved out of every topic in Other, which can be renamed too', () => {
      const { topics, papers: withTopics } = computeTopics(papers, { overrides: { moves: { [ssrl]: [] }, renames: { Other: 'Unsorted' } } });
      assert.deepEqual(withTopics.find((p) => p.key === ssrl)!.topics, ['Unsorted']);
      assert.equal(byName(topics, 'Unsorted').origin, 'other');
    });

    it('keeps topics found again after a rename when given the previous topics', () => {
      const renames = { 'Tree Search': 'Search Trees' };
      const first = computeTopics(papers, { overrides: { moves: {}, renames } });
      const again = computeTopics(papers, { overrides: { moves: {}, renames }, previous: first.topics });
      assert.deepEqual(again.topics, first.topics);
    });
  });

  describe('the overrides file', () => {
    it('reads renames and moves', () => {
      const text = JSON.stringify({ version: 1, renames: { 'Tree Search': 'MCTS' }, moves: { ssrl2025: ['Reading Group', 'Reading Group', 'MCTS'] } });
      assert.deepEqual(parseOverrides(text), { overrides: { renames: { 'Tree Search': 'MCTS' }, moves: { ssrl2025: ['Reading Group', 'MCTS'] } }, problems: [] });
      assert.deepEqual(parseOverrides(''), { overrides: { moves: {}, renames: {} }, problems: [] });
    });

    it('never throws: bad JSON or shapes become problems, and good entries still apply', () => {
      const broken = parseOverrides('{ "renames": ');
      assert.deepEqual(broken.overrides, { moves: {}, renames: {} });
      assert.match(broken.problems[0]!, /not valid JSON/);
      assert.match(parseOverrides('[1, 2]').problems[0]!, /should be an object/);
      assert.match(parseOverrides('{"renames": []}').problems[0]!, /should be an object/);
      const mixed = parseOverrides(JSON.stringify({ renames: { A: 'B', C: '', D: 7 }, moves: { k1: ['T'], k2: 'T', k3: [1] }, extra: true }));
      assert.deepEqual(mixed.overrides, { renames: { A: 'B' }, moves: { k1: ['T'] } });
      assert.equal(mixed.problems.length, 5);
      assert.ok(mixed.problems.some((p) => /Unknown field "extra"/.test(p)));
      assert.ok(mixed.problems.some((p) => /Rename of "C"/.test(p)));
      assert.ok(mixed.problems.some((p) => /Move of "k2"/.test(p)));
      fc.assert(
        fc.property(fc.string(), (text) => {
          const result = parseOverrides(text);
          return typeof result.overrides === 'object' && Array.isArray(result.problems);
        }),
      );
    });

    it('writes a stable, sorted, pretty file that reads back the same', () => {
      const text = serializeOverrides({ renames: { b: 'B', a: 'A', same: 'same' }, moves: { z: ['T2', 'T1', 'T1'], y: [] } });
      assert.equal(text, '{\n  "version": 1,\n  "renames": {\n    "a": "A",\n    "b": "B"\n  },\n  "moves": {\n    "y": [],\n    "z": [\n      "T1",\n      "T2"\n    ]\n  }\n}\n');
      // Names come from users: "__proto__" is a name like any other.
      assert.deepEqual(parseOverrides('{"renames": {"__proto__": "X"}, "moves": {"k": ["__proto__"]}}').overrides, { renames: JSON.parse('{"__proto__": "X"}'), moves: { k: ['__proto__'] } });
      const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
      fc.assert(
        fc.property(fc.dictionary(name, name), fc.dictionary(name, fc.uniqueArray(name, { maxLength: 4 })), (renames, moves) => {
          const overrides = { renames, moves };
          const { overrides: read, problems } = parseOverrides(serializeOverrides(overrides));
          assert.deepEqual(problems, []);
          assert.equal(serializeOverrides(read), serializeOverrides(overrides));
        }),
      );
    });
  });

  describe('phrases', () => {
    it('reads acronyms a text defines from the initials before the bracket', () => {
      assert.deepEqual(acronymDefinitions('We use Monte Carlo Tree Search (MCTS) and process reward models (PRMs).'), [
        ['mcts', 'Monte Carlo Tree Search'],
        ['prm', 'process reward models'],
      ]);
      assert.deepEqual(acronymDefinitions('Reinforcement Learning from Human Feedback (RLHF) and chain-of-thought (CoT)'), [
        ['rlhf', 'Reinforcement Learning from Human Feedback'],
        ['cot', 'chain of thought'],
      ]);
      assert.deepEqual(acronymDefinitions('we introduce Self-Search RL (SSRL), see (Figure) and (a)'), []);
    });

    it('finds how a phrase is written, preferring the text to a spelled-out acronym', () => {
      const acronyms = new Map([['qa', 'question answering']]);
      assert.equal(surfaceForm('Multi-Agent Tree-Search Scaling', 'multi agent', acronyms), 'Multi-Agent');
      assert.equal(surfaceForm('on multi-hop QA, then multi-hop questions', 'multi hop question', acronyms), 'multi-hop questions');
      assert.equal(surfaceForm('multi-hop QA', 'multi hop question', acronyms), 'multi hop question');
      assert.equal(surfaceForm('tree. search', 'tree search', acronyms), undefined);
    });

    it('makes no phrase of a word said twice in a row', () => {
      const papers = [paper('a', 'Agent Agent Planning', 'Agent agent planning with tools.'), paper('b', 'Agent Agent Planning Again', 'More agent agent planning.')];
      const { table } = buildIndex(papers);
      assert.equal(table.find('agent agent'), undefined);
      assert.notEqual(table.find('agent planning'), undefined);
    });

    it('picks candidates from a heap in order, best first', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (scores) => {
          const heap = new IndexHeap((a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b));
          scores.forEach((_, i) => heap.push(i));
          const popped: number[] = [];
          for (let i = heap.pop(); i !== undefined; i = heap.pop()) popped.push(i);
          const expected = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
          assert.deepEqual(popped, expected);
        }),
      );
    });

    it('merges singular and plural', () => {
      assert.deepEqual(['queries', 'agents', 'searches', 'process', 'analysis', 'robotics', 'metrics', 'videos', 'species'].map(singular), ['query', 'agent', 'search', 'process', 'analysis', 'robotics', 'metric', 'video', 'species']);
    });
  });
});
