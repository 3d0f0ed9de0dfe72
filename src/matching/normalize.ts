/**
 * Word normalisation shared by the rule compiler and the sentence tokeniser,
 * so that a pattern word and an essay word meet in the same form.
 *
 * We use a small suffix stemmer rather than a tagger: rules are written by
 * teachers as plain words ("attack", "invade"), and every inflection of such a
 * word must match ("attacked", "invading", "invades"). Both sides are stemmed
 * with the same function, so the stems only need to be consistent, not real
 * English lemmas.
 */

/** Irregular forms whose suffix rules would fail, mapped to their base. */
const irregular: Record<string, string> = {
  am: 'be', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', being: 'be', be: 'be',
  has: 'have', had: 'have', having: 'have',
  does: 'do', did: 'do', done: 'do', doing: 'do',
  began: 'begin', begun: 'begin', beginning: 'begin',
  bore: 'bear', borne: 'bear',
  brought: 'bring', bought: 'buy', built: 'build',
  came: 'come', caught: 'catch', chose: 'choose', chosen: 'choose',
  drew: 'draw', drawn: 'draw', drove: 'drive', driven: 'drive',
  fell: 'fall', fallen: 'fall', fought: 'fight', found: 'find', flew: 'fly', flown: 'fly', flies: 'fly',
  forgot: 'forget', forgotten: 'forget', forbade: 'forbid', forbidden: 'forbid',
  gave: 'give', given: 'give', got: 'get', gotten: 'get', went: 'go', gone: 'go', goes: 'go',
  grew: 'grow', grown: 'grow', heard: 'hear', held: 'hold', hid: 'hide', hidden: 'hide',
  kept: 'keep', knew: 'know', known: 'know', led: 'lead', left: 'leave', lost: 'lose', lit: 'light',
  made: 'make', meant: 'mean', met: 'meet', paid: 'pay', ran: 'run', rose: 'rise', risen: 'rise',
  said: 'say', sat: 'sit', saw: 'see', sued: 'sue', seen: 'see', sought: 'seek', sent: 'send', set: 'set', shot: 'shoot',
  spoke: 'speak', spoken: 'speak', stood: 'stand', struck: 'strike', stricken: 'strike',
  swore: 'swear', sworn: 'swear', taught: 'teach', told: 'tell', took: 'take', taken: 'take',
  thought: 'think', threw: 'throw', thrown: 'throw', understood: 'understand', won: 'win',
  wrote: 'write', written: 'write', withdrew: 'withdraw', withdrawn: 'withdraw',
  undertook: 'undertake', undertaken: 'undertake', overtook: 'overtake',
  children: 'child', men: 'man', women: 'woman', people: 'people',
  news: 'news', series: 'series', its: 'its', his: 'his', this: 'this', us: 'us', ussr: 'ussr'
}

/** Contractions written without the apostrophe, as students do ("didnt"). */
const bareContractions: Record<string, string> = {
  didnt: 'did', doesnt: 'does', dont: 'do', wasnt: 'was', werent: 'were', isnt: 'is', arent: 'are',
  hasnt: 'has', hadnt: 'had', havent: 'have', wouldnt: 'would', couldnt: 'could', shouldnt: 'should',
  wont: 'will', cant: 'can', mustnt: 'must', neednt: 'need'
}

const vowel = /[aeiouy]/

/**
 * Stem one lower-case word. Stable under repetition for the words rules use:
 * `stem('invaded') === stem('invade') === stem('invading') === 'invad'`.
 */
export function stem(word: string): string {
  const known = irregular[word]
  if (known !== undefined) return strip(known)
  return strip(word)
}

function strip(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word
  let base = word
  if (base.endsWith('ies') && base.length > 4) base = base.slice(0, -3) + 'y'
  else if (base.endsWith('ied') && base.length > 4) base = base.slice(0, -3) + 'y'
  else if (base.endsWith('sses')) base = base.slice(0, -2)
  else if (base.endsWith('ing') && vowel.test(base.slice(0, -3)) && base.length > 5) base = undouble(base.slice(0, -3))
  else if (base.endsWith('ed') && vowel.test(base.slice(0, -2)) && base.length > 4) base = undouble(base.slice(0, -2))
  else if (base.endsWith('es') && /(ch|sh|x|ss|zz)es$/.test(base)) base = base.slice(0, -2)
  else if (base.endsWith('s') && !/(ss|us|is|ous)$/.test(base)) base = base.slice(0, -1)
  // Drop a final silent e so that "invade" and "invad(ed)" meet.
  if (base.length > 3 && base.endsWith('e') && !base.endsWith('ee')) base = base.slice(0, -1)
  return base
}

function undouble(base: string): string {
  return /([bdfgkmnprtv])\1$/.test(base) ? base.slice(0, -1) : base
}

/** One normalised word: its lower-case form, its stem, and whether it carried a possessive. */
export interface NormalWord {
  readonly lower: string
  readonly stem: string
  readonly possessive: boolean
}

/**
 * Split the text of one word (as the English parser delimits it) into the
 * normalised words that patterns see: hyphens separate words ("Il-sung",
 * "counter-attack"), "n't" becomes "not", a possessive "'s" is dropped and
 * remembered.
 */
export function normalizeWordText(text: string): NormalWord[] {
  let value = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[.]+$/, '')
  // Dotted abbreviations: "U.S." → "us", "U.S.S.R." → "ussr".
  if (/^([a-z]\.)+[a-z]?$/.test(value + '.')) value = value.replace(/\./g, '')
  let possessive = false
  if (/'s$/.test(value) && !/^(it|that|there|he|she|what|who|here|let)'s$/.test(value)) {
    value = value.slice(0, -2)
    possessive = true
  } else if (/s'$/.test(value)) {
    value = value.slice(0, -1)
    possessive = true
  }
  const out: NormalWord[] = []
  const parts = value.split(/[-\u2010\u2011\u2012\u2013/]+/).filter(Boolean)
  parts.forEach((part, index) => {
    const last = index === parts.length - 1
    const pushWord = (w: string, poss: boolean) => out.push({lower: w, stem: stem(w), possessive: poss})
    let contracted = /^([a-z]+)n't$/.exec(part)
    if (part === "can't") contracted = ['', 'can'] as unknown as RegExpExecArray
    if (part === "won't") contracted = ['', 'will'] as unknown as RegExpExecArray
    const bare = bareContractions[part]
    if (contracted && contracted[1]) {
      pushWord(contracted[1], false)
      pushWord('not', last && possessive)
    } else if (bare !== undefined) {
      pushWord(bare, false)
      pushWord('not', last && possessive)
    } else if (/^[a-z]+'(ll|re|ve|d|m)$/.test(part)) {
      pushWord(part.slice(0, part.indexOf("'")), last && possessive)
    } else {
      const clean = part.replace(/'/g, '')
      if (clean) pushWord(clean, last && possessive)
    }
  })
  return out
}

/** Stems of a plain phrase ("the Soviet leader's" → ['the', 'soviet', 'leader']). */
export function phraseStems(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => normalizeWordText(word).map((w) => w.stem))
}
