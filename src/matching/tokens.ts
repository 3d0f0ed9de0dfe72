/**
 * Turn one nlcst sentence into the flat token view that claim patterns and
 * scope cues read: words (normalised, with source offsets) plus the few
 * punctuation facts that matter (clause breaks, commas, quotation, question).
 * Computed once per sentence, so every rule and every scope check shares it.
 */
import type {Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {normalizeWordText, type NormalWord} from './normalize.js'

export interface Token {
  readonly lower: string
  readonly stem: string
  readonly possessive: boolean
  /** Offsets (in the file) of the word this token comes from. */
  readonly start: number
  readonly end: number
}

export interface SentenceView {
  readonly tokens: readonly Token[]
  /** `breakBefore[i]`: a clause break (`;`, `:`, dash, bracket, inline code) lies between token i-1 and i. */
  readonly breakBefore: readonly boolean[]
  /** `commaBefore[i]`: a comma lies between token i-1 and i. */
  readonly commaBefore: readonly boolean[]
  /** `colonBefore[i]`: a colon lies between token i-1 and i (it is also a clause break). */
  readonly colonBefore: readonly boolean[]
  /** `quoted[i]`: token i stands inside quotation marks. */
  readonly quoted: readonly boolean[]
  /** The sentence ends in a question mark. */
  readonly question: boolean
  /** Offsets of the whole sentence. */
  readonly start: number
  readonly end: number
}

/**
 * normalizeWordText is pure and essays repeat their words, so each distinct
 * word text is normalised once (the cache is dropped when it grows large).
 * Tokens copy these objects, never change them.
 */
const normalCache = new Map<string, readonly NormalWord[]>()

export function normalWords(text: string): readonly NormalWord[] {
  let words = normalCache.get(text)
  if (words === undefined) {
    if (normalCache.size >= 50_000) normalCache.clear()
    normalCache.set(text, (words = normalizeWordText(text)))
  }
  return words
}

const dashes = new Set(['-', '\u2013', '\u2014'])
const opening = new Set(['\u201c', '\u00ab', '\u2018', '\u201e'])
const closing = new Set(['\u201d', '\u00bb', '\u2019'])
const hardBreaks = new Set([';', ':', '\u2014', '\u2013', '(', ')', '[', ']', '!', '?'])

/** Build the token view of a sentence. Returns undefined for a sentence without position. */
export function viewSentence(sentence: Sentence): SentenceView | undefined {
  const start = sentence.position?.start.offset
  const end = sentence.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const tokens: Token[] = []
  const breakBefore: boolean[] = []
  const commaBefore: boolean[] = []
  const colonBefore: boolean[] = []
  const quoted: boolean[] = []
  let pendingBreak = false
  let pendingComma = false
  let pendingColon = false
  let inQuote = false
  let inSingleQuote = false
  let lastMark = ''

  const visit = (children: readonly SentenceContent[]) => {
    for (const [index, node] of children.entries()) {
      if (node.type === 'WordNode') {
        const offsetStart = node.position?.start.offset
        const offsetEnd = node.position?.end.offset
        if (offsetStart === undefined || offsetEnd === undefined) continue
        // Most words are one text node: read it instead of joining the children.
        const only = node.children.length === 1 ? node.children[0] : undefined
        const text = only?.type === 'TextNode' ? only.value : toString(node)
        // A dash between spaces inside a word node ("--") is a clause break.
        if (dashes.has(text[0] ?? '') && /^[-\u2013\u2014]{2,}$/.test(text)) {
          pendingBreak = true
          continue
        }
        for (const word of normalWords(text)) {
          tokens.push({lower: word.lower, stem: word.stem, possessive: word.possessive, start: offsetStart, end: offsetEnd})
          breakBefore.push(pendingBreak)
          commaBefore.push(pendingComma)
          colonBefore.push(pendingColon)
          quoted.push(inQuote)
          pendingBreak = false
          pendingComma = false
          pendingColon = false
        }
      } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
        const mark = node.value
        lastMark = mark
        if (mark === "'") {
          // A straight single quote opens a quotation only between a space (or
          // the start) and a word; otherwise it closes one, or is a possessive
          // ("the Soviets' pilots") and changes nothing.
          const before = children[index - 1]
          const after = children[index + 1]
          if (!inSingleQuote && (!before || before.type === 'WhiteSpaceNode') && after?.type === 'WordNode') inQuote = inSingleQuote = true
          else if (inSingleQuote) inQuote = inSingleQuote = false
        } else if (mark === '"') inQuote = !inQuote
        else if (opening.has(mark)) inQuote = true
        else if (closing.has(mark)) inQuote = false
        else if (mark === ',') pendingComma = true
        else if (mark === ':') pendingColon = pendingBreak = true
        else if (hardBreaks.has(mark) || /^[-\u2013\u2014]{2,}$/.test(mark)) pendingBreak = true
        else if (mark === '-' || mark === '\u2013') pendingBreak = true
      } else if (node.type === 'SourceNode') {
        // Inline code is never prose: keep patterns from running across it.
        pendingBreak = true
        lastMark = ''
      } else if ('children' in node) {
        visit(node.children as SentenceContent[])
      }
      if (node.type === 'WordNode') lastMark = ''
    }
  }
  visit(sentence.children)
  const question = endsInQuestion(sentence) || lastMark === '?'
  return {tokens, breakBefore, commaBefore, colonBefore, quoted, question, start, end}
}

const closers = new Set(['"', '\u201d', "'", '\u2019', ')', '*', '_', ']'])
const space = /\s/

/**
 * Whether the sentence's text, trimmed at the end, ends in "?" and closers:
 * `/\?["\u201d'\u2019)*_\]]*$/.test(toString(sentence).trimEnd())` without
 * building the text (it reads the leaves from the end).
 */
function endsInQuestion(sentence: Sentence): boolean {
  let trimming = true
  const stack: Array<Sentence | SentenceContent> = [sentence]
  while (stack.length > 0) {
    const node = stack.pop() as Sentence | SentenceContent
    if ('children' in node) {
      for (const child of node.children) stack.push(child as SentenceContent)
      continue
    }
    const value = node.value
    for (let i = value.length - 1; i >= 0; i--) {
      const char = value[i] as string
      if (trimming && space.test(char)) continue
      trimming = false
      if (closers.has(char)) continue
      return char === '?'
    }
  }
  return false
}
