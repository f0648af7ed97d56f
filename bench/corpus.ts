// A synthetic but realistic library: titles with short names before a colon, abstracts of
// 150-250 words, accented author names and organisations. Deterministic for a seed.
import { Random } from './random';

export interface SyntheticPaper {
  shortName: string;
  title: string;
  abstract: string;
  authors: string[];
  organization?: string;
  arxivId: string;
  /** YYYY-MM-DD */
  date: string;
  upvotes: number;
  venue: string;
}

const GIVEN = 'Ana Zoë José François Łukasz Søren Jürgen Björn Hélène Chloé Renée Ngọc Thảo Đức Ömer Çağla İlker Mária Dvořák Jiří Žofia Agnieszka Małgorzata Andrés Inés Núñez Camille Yuki Haruto Wei Jing Xiaoyu Ming Priya Arjun Aarav Fatima Omar Leila Mateo Lucía Sebastián Noah Emma Liam Olivia Elif Kerem Sigrún Þóra Ævar Grégoire Amélie Joaquín Raúl Tomás Zoltán Ágnes Bálint Mirosław Radosław Ştefan Ioana Nicolás Sofía Valentina Hyun Minji Seo-yeon Anh Quân Kai Lars Ingrid Astrid Matías Ramón'.split(' ');
const FAMILY = 'Müller García Fernández Nguyễn Trần Lê Øvergaard Ødegård Šimić Dvořák Novák Kowalski Wiśniewski Łukasiewicz Jóhannsson Sigurðardóttir Öztürk Yılmaz Çelik Şahin Gómez Pérez Rodríguez López Martínez Hernández Sánchez Ramírez Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Kim Lee Park Choi Jung Tanaka Suzuki Takahashi Watanabe Sato Patel Sharma Singh Kumar Gupta Smith Johnson Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Bailey Reed Kelly Howard Cox Ward Richardson Watson Brooks Wood James Bennett Gray Hughes Price Sanders Myers Long Ross Foster Dubois Lefèvre Rousseau Bérubé Côté Gagné Bélanger Lévesque Schröder Schäfer Köhler Krüger Weiß Groß Größer Jäger Vogt Hoffmann Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski'.split(' ');
const ORGANIZATIONS = [
  'Stanford NLP', 'ByteDance Seed', 'Google DeepMind', 'Microsoft Research', 'Meta FAIR', 'NVIDIA', 'Apple', 'Alibaba Qwen', 'Tsinghua University', 'Peking University',
  'ETH Zürich', 'EPFL', 'Université de Montréal', 'Mila Québec', 'Max-Planck-Institut für Informatik', 'Technische Universität München', 'KAIST', 'Seoul National University',
  'University of Tokyo', 'Sorbonne Université', 'Universitat Politècnica de Catalunya', 'Københavns Universitet', 'Uniwersytet Warszawski', 'Hugging Face', 'Allen Institute for AI',
  'Carnegie Mellon University', 'UC Berkeley', 'MIT CSAIL', 'Oxford Torr Vision Group', 'Cambridge MLG', 'Shanghai AI Lab', 'Zhipu AI', 'Moonshot AI', 'DeepSeek', 'Mistral AI', 'Cohere',
];
const VENUES = ['NeurIPS', 'ICML', 'ICLR', 'ACL', 'EMNLP', 'NAACL', 'CVPR', 'ICCV', 'AAAI', 'IJCAI', 'COLM', 'TMLR', 'arXiv'];

/** Words of the field, roughly by frequency: the skewed pick makes the first ones common. */
const TOPIC_WORDS = ('learning model models reinforcement language large search agent agents reasoning training policy reward rewards data task tasks method methods performance '
  + 'framework approach optimization inference generation retrieval knowledge tree graph neural network networks diffusion vision multimodal video image code program planning '
  + 'exploration verification verifier preference alignment benchmark evaluation scaling compute efficient efficiency robust robustness adaptive hierarchical multi-agent '
  + 'self-play curriculum distillation quantization pruning sparse attention transformer memory context long-horizon tool tools query queries document ranking recommendation '
  + 'theorem proving mathematical math chain-of-thought rollout rollouts trajectory trajectories value critic actor advantage gradient offline online simulation sim-to-real '
  + 'embodied robotics manipulation navigation spatial temporal uncertainty calibration hallucination factuality citation rubric curiosity story dialogue translation speech '
  + 'audio protein molecule chemistry medical clinical legal financial fairness privacy federated continual meta-learning few-shot zero-shot in-context prompting decoding '
  + 'sampling beam monte carlo bayesian causal contrastive generative discriminative autoregressive masked denoising latent embedding representation clustering segmentation '
  + 'detection tracking captioning grounding reconstruction rendering').split(' ');
const VERBS = 'improves enables reduces outperforms scales generalizes accelerates stabilizes unifies decomposes leverages integrates extends simplifies'.split(' ');
const OPENERS = [
  'Recent advances in {a} have shown that {b} can {verb} {c}.',
  'However, existing {a} methods rely on {b} and fail to capture {c}.',
  'We propose {name}, a {a} framework that {verb} {b} through {c}.',
  'To address this limitation, we introduce {name}, which combines {a} with {b}.',
  'Experiments on {n} {a} benchmarks show that {name} {verb} strong baselines by {p}%.',
  'Our analysis reveals that {a} {verb} {b} when {c} is scarce.',
  'We further show that {name} {verb} {a} without additional {b}.',
  'The key insight is that {a} and {b} are complementary for {c}.',
  'Code and data are available to support future research on {a} and {b}.',
  'Unlike prior work on {a}, our method {verb} {b} under limited {c}.',
  'We evaluate on {rare} and {rare}, where {name} reaches {p}% accuracy.',
  'Compared with {rare}, {name} {verb} {a} at a fraction of the cost.',
];

const SYLLABLES = 'ka lo mi ra ze tu vo ne sa qi ro fi da mo xe lu pa ti go ha ve ny zo ri ba ce du je ko wa'.split(' ');
const NAME_PARTS = 'Search Reason Agent Mind Graph Vision Code Prover Planner Coder Seeker Tree Chain Focus Gym Zero Deep Fusion Lens Forge Scope Pilot Bench Flow Mem Step Star Nova Mars'.split(' ');

export function generatePapers(count: number, seed = 20261128): SyntheticPaper[] {
  const random = new Random(seed);
  const names = new Set<string>();
  // Dataset and method names: a vocabulary that grows with the library, as real ones do.
  const rare = Array.from({ length: Math.max(1000, 2 * count) }, () => pseudoWord(random));
  const papers: SyntheticPaper[] = [];
  for (let i = 0; i < count; i++) {
    const shortName = uniqueName(random, names);
    const year = 2019 + (i % 8);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const topic = [random.pickSkewed(TOPIC_WORDS), random.pickSkewed(TOPIC_WORDS), random.pickSkewed(TOPIC_WORDS)];
    const title = `${shortName}: ${capitalize(random.pick(['scaling', 'rethinking', 'towards', 'learning', 'unlocking', 'efficient', 'robust', 'adaptive']))} ${topic[0]} ${random.pick(['for', 'via', 'with', 'in'])} ${topic[1]} ${random.pick(['and', 'under', 'through', 'beyond'])} ${topic[2]}`;
    papers.push({
      shortName,
      title: random.chance(0.02) ? title.replace(shortName, `${shortName}$^2$`) : title,
      abstract: abstractFor(random, shortName, topic, rare),
      authors: Array.from({ length: random.int(1, 8) }, () => `${random.pick(GIVEN)} ${random.pick(FAMILY)}`),
      organization: random.chance(0.6) ? random.pick(ORGANIZATIONS) : undefined,
      arxivId: `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      upvotes: random.int(0, 300),
      venue: random.pick(VENUES),
    });
  }
  return papers;
}

/** A fresh short name like "KaloSearch" or "Zetumi-R1": names, like real ones, are mostly unique. */
function uniqueName(random: Random, taken: Set<string>): string {
  for (;;) {
    const stem = capitalize(Array.from({ length: random.int(1, 3) }, () => random.pick(SYLLABLES)).join(''));
    const style = random.next();
    const name = style < 0.5 ? `${stem}${random.pick(NAME_PARTS)}` : style < 0.7 ? `${stem}-${random.pick(['R1', 'RL', 'V2', 'Zero', 'Lite', 'X'])}` : style < 0.85 ? stem.toUpperCase() : stem;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function pseudoWord(random: Random): string {
  const word = Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join('');
  return random.chance(0.3) ? `${capitalize(word)}-${random.int(1, 70)}B` : random.chance(0.5) ? capitalize(word) : word;
}

function abstractFor(random: Random, name: string, topic: string[], rare: string[]): string {
  const words = random.int(150, 250);
  const sentences: string[] = [];
  let length = 0;
  while (length < words) {
    const sentence = random
      .pick(OPENERS)
      .replace(/\{name\}/g, name)
      .replace(/\{verb\}/g, () => random.pick(VERBS))
      .replace(/\{n\}/g, () => String(random.int(2, 12)))
      .replace(/\{rare\}/g, () => random.pickSkewed(rare))
      .replace(/\{p\}/g, () => (random.next() * 30).toFixed(1))
      .replace(/\{[abc]\}/g, () => (random.chance(0.4) ? random.pick(topic) : `${random.pickSkewed(TOPIC_WORDS)} ${random.pickSkewed(TOPIC_WORDS)}`));
    sentences.push(sentence);
    length += sentence.split(' ').length;
  }
  return sentences.join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
