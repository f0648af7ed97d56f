// Word lists that decide where a candidate phrase may start and end. Without a
// part-of-speech tagger, these lists are what keeps "we propose a novel" out of topics.

function words(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

/**
 * Words that end a phrase: function words, the verbs and adjectives of abstract prose.
 * ("of" is not one: it may join words inside a phrase, "chain of thought", "mixture of experts".)
 */
export const STOP = words(`
  a about above across after again against all almost along already also although always am among an and another any anyone are
  around as at be because been before being below between both but by can cannot could did do does doing done down during each
  either else enough etc even ever every few for from further had has have having he her here hers him his how however i if in
  into is it its itself just least less let like likely many may me might more most much must my neither never nevertheless no
  nor not nothing now off often on once one only onto or other others otherwise our ours out over own per perhaps rather
  same several shall she should since so some still such than that the their theirs them themselves then there thereby
  therefore these they this those though through throughout thus to together too toward towards under unlike until up upon us
  versus very via was we well were what whatever when whenever where whereas whether which while who whom whose why will with
  within without would yet you your yours
  vs ie eg et al i ii iii iv v vi first second third fourth two three four five six seven eight nine ten
  propose proposes proposed proposing present presents presented introduce introduces introduced introducing show shows shown
  showed demonstrate demonstrates demonstrated demonstrating achieve achieves achieved achieving improve improves improved
  improving enable enables enabled enabling use uses used using leverage leverages leveraging leveraged based address addresses
  addressed addressing provide provides provided providing allow allows allowed allowing require requires required requiring
  make makes made making remain remains remained yield yields yielding yielded offer offers offered outperform outperforms
  outperformed outperforming reveal reveals revealed find finds found investigate investigates investigated explore explores
  explored exploring consider considers considered study studies studied develop develops developed design designs designed
  suggest suggests suggested perform performs performed obtain obtains obtained evaluate evaluates evaluated evaluating
  apply applies applied applying compare compares compared comparing focus focuses focused lead leads leading led help helps
  helped include includes including included called termed known given become becomes became need needs needed seek seeks
  aim aims aimed tend tends fail fails failed struggle struggles suffer suffers rely relies relying relied take takes taken
  get gets got give gives gave go goes went see seen say says said call calls contain contains containing consist consists
  consisting ensure ensures ensuring enhance enhances enhanced enhancing integrate integrates integrating integrated
  utilize utilizes utilizing utilized incorporate incorporates incorporating support supports supporting supported mitigate
  mitigates mitigating reduce reduces reducing reduced increase increases increasing increased surpass surpasses surpassing
  establish establishes establishing established represent represents representing emerge emerges emerged emerging
  remains achieve argue argues prove proves proved observe observes observed identify identifies identified
  rethink rethinking unlock unlocks unlocking accelerate accelerates stabilize stabilizes decompose decomposes combine combines
  unify unifies generalize generalizes simplify simplifies extend extends capture captures beyond limited
  new novel recent recently existing various different diverse significant significantly substantial substantially strong
  stronger strongest weak better best good great high higher highest low lower lowest key main major important crucial critical
  effective effectively efficient efficiently simple simply general generally specific specifically particular particularly
  promising remarkable remarkably impressive extensive extensively comprehensive comprehensively current currently prior previous
  previously traditional conventional standard typical typically common commonly widely wide broad broadly overall
  able unable possible potential potentially fundamental fundamentally additional additionally moreover furthermore finally
  respectively approximately nearly fully largely mainly mostly highly often sometimes usually
  state art sota
  our paper work works propose approach
  der die das des dem den und fur fuer von zu zum zur im ein eine einer mit auf aus bei nach uber ueber
  le la les du de et en un une sur pour dans avec par il lo gli di del della dei per con da al nel el los las y
`);

/** Words a phrase may contain but not start with ("performance gains" is not a topic). */
export const NO_START = words(`
  of performance result results experiment experiments evaluation evaluations analysis analyses improvement improvements gain gains
  baseline baselines benchmark benchmarks capability capabilities ability abilities effectiveness efficiency accuracy challenge
  challenges limitation limitations issue issues problem problems way ways type types number numbers set sets variety range
  kind kinds level levels step steps stage stages part parts form forms case cases term terms end order rate lot lots amount
  time times cost costs insight insights direction directions advance advances advancement advancements progress success
  terms respect objective
  driven based oriented aware guided enhanced powered free specific related level
`);

/** Words a phrase may contain but not end with ("multi agent" yes, "multi" no). */
export const NO_END = words(`
  of multi self non pre semi co sub cross inter intra anti post over under mid fine long short large small end
  capability ability performance effectiveness efficiency accuracy improvement gain result potential success
  intensive aware based driven free specific related oriented guided centric agnostic friendly wise efficient dependent conditioned enabled
`);

/** Words too vague to be a topic on their own, though fine inside a phrase. */
export const NO_SINGLE = words(`
  model method approach framework task data result performance system problem study paper training learning
  technique algorithm strategy setting scenario domain application tool process mechanism component module pipeline
  architecture network feature information knowledge quality structure design signal space level step stage output input
  question answer solution trajectory agent policy reward function value loss objective benchmark dataset evaluation experiment
  query document image text video language context memory search retrieval generation reasoning feedback
  large small deep multi self non pre semi co sub cross inter intra anti post long short fine end real world open human
  test time base prompt token sample sampling generation language text research field area direction community
  state action environment scale scaling inference fine tuning code search
  context horizon boundary capability ability understanding beyond complex multiple single optimal aware hop turn
  reinforcement supervised unsupervised iterative adaptive robust scalable unified dynamic generative
  guide practice preparation word computer handbook manual introduction
  theory selection decision programming instance constraint evolution adaptation preference hybrid
  anytime variant improvement comparison note remark
`);

/** Words ending in "ly" that are nouns, not adverbs. */
export const LY_NOUNS = words('family anomaly assembly butterfly supply italy july ally poly monopoly reply rely apply fly lily jelly belly');

/**
 * Phrases every kind of paper uses about its own method or data: never a topic, however
 * many papers share them. Written normalised (singular, hyphens as spaces).
 */
export const GENERIC_PHRASES = new Set([
  'real world', 'large scale', 'small scale', 'open source', 'case study', 'ground truth', 'proof concept', 'wide range', 'high quality', 'low cost',
  'long term', 'short term', 'key component', 'main result', 'experimental result', 'empirical result', 'future research', 'future work', 'research community',
  'training data', 'fine tuning', 'supervised fine tuning', 'pre training', 'post training', 'base model', 'data set', 'model size', 'model weight',
  'training framework', 'learning framework', 'training process', 'training pipeline', 'training time', 'training set', 'test set', 'inference cost',
  'multi step', 'fine grained', 'end end', 'final answer', 'correct answer', 'complex task', 'downstream task', 'reasoning task', 'new benchmark',
  'extensive experiment', 'code data', 'publicly available', 'project page', 'source code', 'search space', 'design space', 'state space',
]);
