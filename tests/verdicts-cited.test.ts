import {describe, expect, it} from 'vitest'
import {blockAround, hasReferenceText} from '../src/evidence/cited.js'

describe('what counts as a reference in running text', () => {
  it.each([
    ['a source and a date in brackets', 'as he wrote (Shtykov, 30 May 1950).'],
    ['sender to recipient and a date', 'he agreed (Stalin to Mao, 14 May 1950).'],
    ['author and year', 'as shown (Weathersby 1993).'],
    ['author, year and page', 'as shown (Weathersby 1993, 25).'],
    ['two authors and a year', 'as argued (Mansourov and Weathersby 1995: 40).'],
    ['a "see" reference', 'as argued (see Weathersby, 2002).'],
    ['a footnote marker written out', 'he agreed.[^3]'],
    ['a numbered note', 'he agreed [12].'],
    ['a bare link', 'see https://digitalarchive.wilsoncenter.org/document/112133']
  ])('%s', (_kind, text) => {
    expect(hasReferenceText(text)).toBe(true)
  })

  it.each([
    ['a date alone', 'he agreed (in April 1950).'],
    ['a month and year', 'he agreed (April 1950).'],
    ['an aside', 'the army (the KPA) attacked.'],
    ['a name without a date', 'his ambassador (Shtykov) reported.'],
    ['a year without brackets', 'Shtykov reported in 1950.']
  ])('not %s', (_kind, text) => {
    expect(hasReferenceText(text)).toBe(false)
  })
})

describe('plain-text paragraphs', () => {
  const text = 'First line.\nSecond line.\n\nNext paragraph.\n'
  it('runs from blank line to blank line', () => {
    expect(blockAround(text, text.indexOf('Second'))).toEqual({start: 0, end: text.indexOf('\n\n')})
    expect(blockAround(text, text.indexOf('Next'))).toEqual({start: text.indexOf('Next'), end: text.length})
  })
})
