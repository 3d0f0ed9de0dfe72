/**
 * Is the author putting the claim forward? Generic scopes, applied to every
 * rule's matches alike: a claim that is quoted, asked, hypothetical, negated,
 * rejected or reported from someone else is not the author's assertion.
 *
 * The cue words are the engine's knowledge of English, kept as data in
 * `cues.ts`; the order of the checks below is the policy.
 */
import {cues} from './cues.js'
import type {PatternMatch} from './match.js'
import type {SentenceView} from './tokens.js'

export type Scope = 'asserted' | 'quoted' | 'question' | 'conditional' | 'negated' | 'rejected' | 'attributed'

/** Sentence-wide facts computed once, shared by every match in the sentence. */
export interface SentenceScopes {
  readonly view: SentenceView
  /** `segment[i]`: index of the frame segment of token i (split at `;`, `:`, dashes, "but"). */
  readonly segment: readonly number[]
  /** `clause[i]`: index of the clause of token i: a segment also split at ", and", ", while"… */
  readonly clause: readonly number[]
  /** `conditional[i]`: token i lies in an if-clause or an inverted condition. */
  readonly conditional: readonly boolean[]
  /** Token indexes of negators that can negate a following or enclosing claim. */
  readonly negators: readonly number[]
  readonly frames: readonly Frame[]
}

interface Frame {
  readonly at: number
  readonly kind: 'report' | 'reject' | 'endorse'
  /** May govern a claim after a comma ("According to X, …"). */
  readonly crossesComma: boolean
  /** A label before a colon at the start of the sentence ("Myth: …") governs the next segment. */
  readonly label?: boolean
  /** A strong report ("claimed", "according to") that can also follow the claim: "…, Pyongyang claimed." */
  readonly postposable?: boolean
}

const stemAt = (view: SentenceView, i: number): string => view.tokens[i]?.stem ?? ''
const lowerAt = (view: SentenceView, i: number): string => view.tokens[i]?.lower ?? ''

/** Does the multi-word cue (as stems) start at token i? */
function phraseAt(view: SentenceView, i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    if (stemAt(view, i + k) !== phrase[k]) return false
    if (k > 0 && view.breakBefore[i + k]) return false
  }
  return true
}

function anyPhraseAt(view: SentenceView, i: number, phrases: readonly (readonly string[])[]): number {
  for (const phrase of phrases) if (phraseAt(view, i, phrase)) return phrase.length
  return 0
}

export function analyseSentence(view: SentenceView): SentenceScopes {
  const n = view.tokens.length
  const segment: number[] = []
  let seg = 0
  for (let i = 0; i < n; i++) {
    if (view.breakBefore[i] || (i > 0 && cues.segmentWords.has(lowerAt(view, i)))) seg++
    segment.push(seg)
  }
  const clause: number[] = []
  let current = 0
  for (let i = 0; i < n; i++) {
    if (i > 0 && (segment[i] !== segment[i - 1] || (view.commaBefore[i] && cues.clauseJoiners.has(lowerAt(view, i))))) current++
    clause.push(current)
  }

  // Conditional clauses: from the marker to the next comma or clause break.
  // One pass, so a run of markers without a comma stays linear.
  const conditional = new Array<boolean>(n).fill(false)
  let inCondition = false
  for (let i = 0; i < n; i++) {
    const clauseStart = i === 0 || view.breakBefore[i] || view.commaBefore[i]
    if (clauseStart) inCondition = false
    const marker = cues.conditionalMarkers.has(lowerAt(view, i))
    const inverted = clauseStart && cues.invertedConditionals.has(lowerAt(view, i)) && i + 1 < n && !cues.notASubject.has(lowerAt(view, i + 1))
    if (marker || inverted) inCondition = true
    conditional[i] = inCondition
  }

  // "No doubt", "nobody can deny", "there is little question": a negated doubt is certainty.
  const certainty = (i: number) => [1, 2, 3].some((k) => cues.doubtWords.has(stemAt(view, i + k)))
  const negators: number[] = []
  for (let i = 0; i < n; i++) {
    const word = lowerAt(view, i)
    if (!cues.negators.has(word) || certainty(i)) continue
    // Contrastive "X, not Y, did Z" negates Y alone.
    if (word === 'not' && view.commaBefore[i]) {
      let j = i + 1
      while (j < n && j <= i + 4 && !view.commaBefore[j] && !view.breakBefore[j]) j++
      if (j < n && view.commaBefore[j]) continue
    }
    negators.push(i)
  }
  for (let i = 0; i < n; i++) {
    const length = anyPhraseAt(view, i, cues.negatorPhrases)
    if (length && !certainty(i + length - 1)) negators.push(i)
  }

  const frames: Frame[] = []
  for (let i = 0; i < n; i++) {
    const stem = stemAt(view, i)
    const prev = lowerAt(view, i - 1)
    if (anyPhraseAt(view, i, cues.reportPhrases)) frames.push({at: i, kind: 'report', crossesComma: true, postposable: true})
    const complement = (within: number, words: RegExp) => [1, 2, 3, 4, 5, 6].some((k) => k <= within && words.test(lowerAt(view, i + k)))
    const weakFrame =
      (cues.weakReportVerbs.has(stem) && (complement(6, /^that$/) || complement(6, /^as$/))) ||
      (cues.blameVerbs.has(stem) && complement(4, /^(for|of|with)$/))
    if (cues.reportVerbs.has(stem) || weakFrame || (cues.reportNouns.has(stem) && (/^(that|of|as)$/.test(lowerAt(view, i + 1)) || (stemAt(view, i + 1) === 'be' && lowerAt(view, i + 2) === 'that')))) {
      // First-person belief ("I think", "we believe") endorses rather than reports.
      if (cues.firstPerson.has(prev) && cues.beliefVerbs.has(stem)) frames.push({at: i, kind: 'endorse', crossesComma: false})
      else frames.push({at: i, kind: 'report', crossesComma: false, postposable: cues.reportVerbs.has(stem)})
    }
    // "Myth:", "Claim 2:" open a sentence as a label; "Historians accepted this
    // reading: …" and "Pyongyang claimed:" introduce what follows the colon.
    const beforeColon = [1, 2, 3, 4].some((k) => view.colonBefore[i + k])
    const labelWord = cues.reportNouns.has(stem) || cues.rejectWords.has(stem)
    // (A rejection before a colon is not a label: "X are wrong: <the author's correction>".)
    const labelKind = i < 4 && labelWord ? (cues.rejectWords.has(stem) ? 'reject' : 'report') : cues.reportVerbs.has(stem) || cues.weakReportVerbs.has(stem) ? 'report' : undefined
    if (labelKind && beforeColon) {
      frames.push({at: i, kind: labelKind, crossesComma: false, label: true})
    }
    // "For them, …", "In their eyes, …" at the head of a segment: the segment is their view.
    if ((i === 0 || view.breakBefore[i]) && anyPhraseAt(view, i, cues.viewpointOpeners)) frames.push({at: i, kind: 'report', crossesComma: true})
    if ((cues.rejectWords.has(stem) || anyPhraseAt(view, i, cues.rejectPhrases)) && !certainty(i)) frames.push({at: i, kind: 'reject', crossesComma: false})
    // "showed Kim as a puppet" depicts; "showed that…" proves.
    const depicts = stem === 'show' && complement(6, /^as$/) && !complement(2, /^that$/)
    if (!depicts && cues.endorseWords.has(lowerAt(view, i)) || anyPhraseAt(view, i, cues.endorsePhrases)) {
      // "no longer accept", "not right" turn an endorsement into a rejection.
      const negated = [1, 2, 3].some((k) => cues.negators.has(lowerAt(view, i - k)) || lowerAt(view, i - k) === 'longer')
      frames.push({at: i, kind: negated ? 'reject' : 'endorse', crossesComma: false})
    }
  }
  return {view, segment, clause, conditional, negators, frames}
}

/** Where a match stands: asserted by the author, or in one of the scopes that keep it from being flagged. */
export function scopeOf(scopes: SentenceScopes, match: PatternMatch): Scope {
  const {view} = scopes
  const consumed = new Set(match.consumed)

  const quotedCount = match.consumed.filter((i) => view.quoted[i]).length
  if (quotedCount * 2 > match.consumed.length) return 'quoted'
  if (view.question) return 'question'
  if (match.consumed.some((i) => scopes.conditional[i])) return 'conditional'
  // A counterfactual consequent: "Stalin would not have known…".
  for (let i = match.first; i <= match.last; i++) {
    if (!consumed.has(i) && cues.counterfactualModals.has(lowerAt(view, i)) && [1, 2].some((k) => lowerAt(view, i + k) === 'have')) return 'conditional'
  }

  const segment = scopes.segment[match.first]
  const inSegment = (i: number) => scopes.segment[i] === segment

  // A frame before the claim governs it when nothing but a short run of words
  // (no comma, no clause break) separates them: "X claimed that <claim>". A
  // frame followed by "that" governs to the end of its segment ("X argued
  // that A, without B"), and a frame inside the claim's own gap governs it
  // too ("Stalin, critics claim, ordered…").
  let governed: Frame | undefined
  for (const frame of scopes.frames) {
    if (frame.label && frame.at < match.first && scopes.segment[frame.at] === (segment ?? 0) - 1) {
      governed = frame
      continue
    }
    if (frame.kind === 'endorse' || !inSegment(frame.at)) continue
    if (frame.postposable && frame.at > match.last) {
      // "<claim>, Pyongyang claimed." / "<claim>, according to X.": a short
      // tail clause after a comma that ends the segment.
      let comma = -1
      for (let i = match.last + 1; i <= frame.at; i++) if (view.commaBefore[i]) comma = i
      let end = frame.at + 1
      while (end < view.tokens.length && inSegment(end)) end++
      if (comma >= 0 && frame.at - comma <= 4 && (frame.crossesComma || end - frame.at <= 3)) governed = frame
      continue
    }
    if (frame.at > match.first && frame.at < match.last && !consumed.has(frame.at)) {
      governed = frame
      continue
    }
    if (frame.at >= match.first || match.first - frame.at > 40) continue
    const complement = [1, 2, 3].some((k) => lowerAt(view, frame.at + k) === 'that')
    let blocked = false
    for (let i = frame.at + 1; i <= match.first && !blocked; i++) {
      if (!view.commaBefore[i]) continue
      // A relative clause goes on describing the view: "Pyongyang's version, in which <claim>".
      const relative = /^(which|where|whereby|in|according)$/.test(lowerAt(view, i)) && (lowerAt(view, i) !== 'in' || lowerAt(view, i + 1) === 'which')
      if (!frame.crossesComma && !complement && !relative) blocked = true
      // ", and Stalin…" starts a new clause unless it goes on "…, and that…".
      if (cues.clauseJoiners.has(lowerAt(view, i)) && lowerAt(view, i + 1) !== 'that') blocked = true
    }
    if (!blocked && (match.first - frame.at <= 14 || complement)) governed = frame
  }

  // A label's own segment counts too: "This proves what Soviet writers said: <claim>".
  const labelSegment = governed?.label ? scopes.segment[governed.at] : undefined
  const segmentFrames = scopes.frames.filter((f) => (inSegment(f.at) || scopes.segment[f.at] === labelSegment) && (f.at < match.first || f.at > match.last) && f !== governed)
  const rejected = segmentFrames.some((f) => f.kind === 'reject')
  const endorsed = segmentFrames.some((f) => f.kind === 'endorse')

  if (governed) {
    if (governed.kind === 'reject' || rejected) return 'rejected'
    if (!endorsed) return 'attributed'
  }
  // "<claim> is a myth", "<claim> was simply false": a rejection predicated of the claim.
  for (let i = match.last + 1; i <= match.last + 2 && i < view.tokens.length; i++) {
    if (stemAt(view, i) !== 'be' || !inSegment(i)) continue
    for (let j = i + 1; j <= i + 4 && j < view.tokens.length && inSegment(j); j++) {
      if (scopes.frames.some((f) => f.at === j && f.kind === 'reject')) return 'rejected'
    }
  }

  for (const at of scopes.negators) {
    if (consumed.has(at)) continue
    if (at >= match.first && at <= match.last) return 'negated'
    if (at < match.first && at >= match.first - 8) {
      let blocked = false
      for (let i = at + 1; i <= match.first; i++) if (view.breakBefore[i] || view.commaBefore[i]) blocked = true
      if (!blocked) return 'negated'
    }
  }
  return 'asserted'
}
