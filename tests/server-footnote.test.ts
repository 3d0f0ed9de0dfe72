import {describe, expect, it} from 'vitest'
import {loadRuleSet} from '../src/index.js'
import {toCitation} from '../src/evidence/citation.js'
import {chicagoNote, footnoteDefinition, nextFootnoteNumber} from '../src/evidence/footnote.js'

const ruleSet = loadRuleSet()
const citationOf = (id: string) => {
  const document = ruleSet.documents.get(id)
  if (!document) throw new Error(`no document ${id}`)
  return toCitation(document)
}

describe('Chicago-style notes from the catalogue', () => {
  it('writes sender to recipient, the quoted title, the date, the archive, the publication and the link', () => {
    expect(chicagoNote(citationOf('filippov-mao-1950-05-14'))).toBe(
      'Filippov [Stalin], sent by Vyshinsky to Mao Zedong (via Soviet ambassador in Beijing), “Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong,” 14 May 1950, ' +
        'Russian Presidential Archive (per the Wilson note); copy in RGASPI, f. 558, op. 11, d. 334, ll.0055, ' +
        'published in CWIHP Bulletin, Issue 4 (text seen in an unofficial mirror of the Bulletin; page not verified), ' +
        'https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong.'
    )
  })

  it('leaves out what the catalogue does not hold instead of guessing it', () => {
    const citation = {...citationOf('gromyko-tunkin-1949-09-11'), to: null, archive: null, published: null, url: null}
    expect(chicagoNote(citation)).toBe('A.A. Gromyko (USSR Ministry of Foreign Affairs), “Telegram from Gromyko to Tunkin at the Soviet Embassy in Pyongyang,” 11 September 1949.')
  })

  it('keeps a title’s own question mark instead of adding a comma', () => {
    const citation = {...citationOf('gromyko-tunkin-1949-09-11'), from: null, to: null, title: 'Who began the war?', url: null}
    expect(chicagoNote(citation)).toBe('“Who began the war?” 11 September 1949.')
  })
})

describe('footnote numbering', () => {
  it('numbers after the highest numeric footnote in use, whatever the named ones', () => {
    expect(nextFootnoteNumber('No notes yet.')).toBe(1)
    expect(nextFootnoteNumber('One.[^1] Two.[^7] Named.[^kim]\n\n[^1]: a\n[^7]: b\n[^kim]: c')).toBe(8)
  })

  it('writes a definition line', () => {
    expect(footnoteDefinition(3, citationOf('politburo-1949-09-24'))).toMatch(/^\[\^3\]: Politburo, CC VKP\(b\) to Ambassador Shtykov/)
  })
})
