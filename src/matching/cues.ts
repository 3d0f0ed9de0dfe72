/**
 * The words that open a scope: the engine's small model of how English marks
 * a claim as negated, hypothetical, reported, rejected or endorsed. These are
 * generic (no rule names a cue), and stemmed the same way as patterns.
 */
import {phraseStems, stem} from './normalize.js'

const stems = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map((w) => stem(w)))
const lowers = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean))
const phrases = (list: readonly string[]): string[][] => list.map((p) => phraseStems(p))

export const cues = {
  /** Words that start a new frame segment: frames do not reach across them. */
  segmentWords: lowers('but yet whereas'),
  /** After a comma, these start a new clause that a preceding frame no longer governs. */
  clauseJoiners: lowers('and while so although though because since'),

  /** Words that open an if-clause. */
  conditionalMarkers: lowers('if unless suppose supposing imagine whether'),
  /** Clause-initial auxiliaries that invert a condition: "Had Stalin wanted…", "Were Kim…". */
  invertedConditionals: lowers('had were should'),
  /** After an inverted auxiliary these show it is not a condition ("Had to…", "Were it not…" is still one). */
  notASubject: lowers('to been not there'),

  /** "would/could/might (not) have" marks a counterfactual. */
  counterfactualModals: lowers('would could might'),

  /** A negated doubt is certainty: "no doubt", "nobody can deny", "without question". */
  doubtWords: stems('doubt doubts doubted question questions deny denying denied dispute disputing'),

  negators: lowers('not never no nobody none neither nor hardly scarcely barely unlikely'),
  negatorPhrases: phrases(['no one', 'far from', 'by no means', 'at no point', 'in no way', 'no longer']),

  /** Verbs that report someone's view: the claim after them is theirs, not the author's. */
  reportVerbs: stems(
    'claim claimed say said says believe believed argue argued insist insisted suggest suggested announce ' +
      'announced assert asserted allege alleged contend contended declare declared think thought assume assumed ' +
      'expect expected fear feared imagine imagined deny denied speculate speculated repeat repeated convinced ' +
      'persuaded suspect suspected worry worried fret fretted'
  ),
  /**
   * Verbs that report a view only with a complement ("held that…", "described
   * the attack as…"); elsewhere they are ordinary verbs ("pressed Mao to accept an armistice").
   */
  weakReportVerbs: stems(
    'hold held maintain maintained present presented portray portrayed depict depicted describe described write ' +
      'wrote teach taught tell told report reported state stated hope hoped accept accepted blame blamed paint ' +
      'painted cast charge charged accuse accused promise promised pledge pledged assure assured show shows showed shown'
  ),
  /** Verbs that attribute a deed to someone as a charge: "blamed Moscow for ordering…". */
  blameVerbs: stems('blame blamed accuse accused charge charged condemn condemned credit credited'),
  /** Nouns that hold a view at arm's length when followed by "that", "of" or "as". */
  reportNouns: stems(
    'claim belief assertion contention view idea notion story myth legend theory thesis line argument ' +
      'allegation charge fear impression image picture account version narrative assumption suggestion ' +
      'canard misconception propaganda accusation denial position'
  ),
  reportPhrases: phrases([
    'according to', 'in the view of', 'in the eyes of',
    ...['that', 'the', 'their', 'his', 'her', 'its', 'such a'].flatMap((d) =>
      ['story', 'account', 'version', 'telling', 'narrative', 'view', 'picture', 'reading', 'interpretation'].map((n) => `in ${d} ${n}`)
    )
  ]),

  /** Openers that make the rest of the segment someone's view: "For them, Kim was a puppet". */
  viewpointOpeners: phrases(['for them', 'for him', 'for her', 'to them', 'to him', 'in their eyes', 'in his eyes', 'in her eyes', 'in their minds', 'in his mind', 'for these historians', 'for such historians', 'for the traditionalists', 'for the revisionists', 'for the orthodox']),

  /** A first-person subject turns a belief verb into an endorsement: "I think…". */
  firstPerson: lowers('i we'),
  beliefVerbs: stems('think believe suspect accept argue contend maintain claim hold suggest say assert conclude convinced'),

  rejectWords: stems(
    'myth legend misconception canard fiction fallacy refute refuted disprove disproved debunk debunked ' +
      'demolish demolished dismiss dismissed reject rejected discredit discredited overturn overturned ' +
      'wrong false untrue mistaken misleading incorrect erroneous collapse collapsed contradict contradicted few'
  ),
  rejectPhrases: phrases([
    'used to', 'dispose of', 'disposes of', 'not survive', 'not survived', 'cannot survive', 'can not survive',
    'no room for', 'no evidence', 'no longer', 'nobody', 'no one', 'does not hold', 'do not hold', 'not true',
    'not hold up', 'did not survive'
  ]),

  /** Exact forms, not stems: "convincing" endorses, "convinced" reports. */
  endorseWords: lowers(
    'right rightly correct correctly accurate accurately true truth justified justifies convincing convincingly ' +
      'persuasive agree agrees agreed prove proves proved proven show shows showed shown confirm confirms ' +
      'confirmed demonstrate demonstrates demonstrated establish establishes established reveal reveals revealed ' +
      'accept accepts accepted'
  ),
  endorsePhrases: phrases(['in fact', 'point out', 'pointed out', 'it is clear', 'becomes clear', 'we now know'])
} as const
