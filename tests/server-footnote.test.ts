import {describe, expect, it} from 'vitest'
import {loadRuleSet} from '../src/index.js'
import {toCitation} from '../src/evidence/citation.js'
import {formatReference} from '../src/evidence/bibliography.js'
import {footnoteDefinition, nextFootnoteNumber} from '../src/evidence/footnote.js'

const ruleSet = loadRuleSet()
const citationOf = (id: string) => {
  const document = ruleSet.documents.get(id)
  if (!document) throw new Error(`no document ${id}`)
  return toCitation(document)
}

describe('footnote numbering', () => {
  it('numbers after the highest numeric footnote in use, whatever the named ones', () => {
    expect(nextFootnoteNumber('No notes yet.')).toBe(1)
    expect(nextFootnoteNumber('One.[^1] Two.[^7] Named.[^kim]\n\n[^1]: a\n[^7]: b\n[^kim]: c')).toBe(8)
  })

  it('writes a definition line holding the same reference that `histlint cite` prints (Chicago by default)', () => {
    const citation = citationOf('politburo-1949-09-24')
    expect(footnoteDefinition(3, citation)).toBe(`[^3]: ${formatReference(citation, 'chicago')}`)
    expect(footnoteDefinition(3, citation, 'mla')).toBe(`[^3]: ${formatReference(citation, 'mla')}`)
  })
})
