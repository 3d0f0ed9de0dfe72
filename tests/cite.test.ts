import {describe, expect, it} from 'vitest'
import {run} from '../src/cli/run.js'
import {bibliographyStyles, footnoteFor, formatReference, withoutAsides} from '../src/evidence/bibliography.js'
import type {VFileMessage} from 'vfile-message'
import {lintText, loadRuleSet, type HistlintMessageData} from '../src/index.js'

const ruleSet = loadRuleSet()
const {documents} = ruleSet
const doc = (id: string) => {
  const found = documents.get(id)
  if (!found) throw new Error(`no catalogue document ${id}`)
  return found
}

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: process.cwd()})
  return {code, stdout, stderr}
}

const stalinToMao = 'filippov-mao-1950-05-14'
const noUrl = 'stalin-mao-1949-10-26'

describe('histlint cite: one reference per style', () => {
  const archive = 'Russian Presidential Archive; copy in RGASPI, f. 558, op. 11, d. 334, ll.0055'
  const url = 'https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong'
  it.each([
    [
      'a Chicago note by default',
      [],
      `Filippov [Stalin], sent by Vyshinsky, to Mao Zedong (via Soviet ambassador in Beijing), “Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong,” May 14, 1950, ${archive}, CWIHP Bulletin, Issue 4, ${url}.`
    ],
    [
      'an MLA entry with --style mla',
      ['--style', 'mla'],
      `Filippov [Stalin], sent by Vyshinsky. “Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong.” Sent to Mao Zedong (via Soviet ambassador in Beijing). 14 May 1950. ${archive}. CWIHP Bulletin, Issue 4. ${url}.`
    ],
    [
      'an APA entry with -s apa (title in Markdown italics, no full stop after the link)',
      ['-s', 'apa'],
      `Filippov [Stalin], sent by Vyshinsky. (1950, May 14). *Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong* [Sent to Mao Zedong (via Soviet ambassador in Beijing)]. ${archive}. CWIHP Bulletin, Issue 4. ${url}`
    ]
  ])('prints %s', async (_name, flags, expected) => {
    const {code, stdout} = await cli('cite', stalinToMao, ...flags)
    expect(code).toBe(0)
    expect(stdout).toBe(expected + '\n')
  })

  it('leaves the link out where the catalogue has no url, in every style', async () => {
    expect((await cli('cite', noUrl)).stdout).toBe('Stalin (draft reply, via Molotov), to Mao Zedong, “Draft Reply to Mao Zedong\'s Telegram from Stalin via Molotov,” October 26, 1949.\n')
    expect((await cli('cite', noUrl, '--style', 'mla')).stdout).toBe('Stalin (draft reply, via Molotov). “Draft Reply to Mao Zedong\'s Telegram from Stalin via Molotov.” Sent to Mao Zedong. 26 Oct. 1949.\n')
    expect((await cli('cite', noUrl, '--style', 'apa')).stdout).toBe('Stalin (draft reply, via Molotov). (1949, October 26). *Draft Reply to Mao Zedong\'s Telegram from Stalin via Molotov* [Sent to Mao Zedong].\n')
  })

  it('prints several documents, one a line', async () => {
    const {code, stdout} = await cli('cite', stalinToMao, noUrl)
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(2)
  })
})

describe('histlint cite: errors and the catalogue', () => {
  it('refuses an unknown style', async () => {
    const {code, stdout, stderr} = await cli('cite', stalinToMao, '--style', 'harvard')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('unknown style "harvard" (expected chicago, mla, apa)')
  })

  it('refuses an unknown document and suggests the ids it may mean', async () => {
    const {code, stderr} = await cli('cite', 'filippov-mao-1950')
    expect(code).toBe(2)
    expect(stderr).toContain('unknown document "filippov-mao-1950"')
    expect(stderr).toContain(stalinToMao)
  })

  it('asks for an id when none is given', async () => {
    const {code, stderr} = await cli('cite')
    expect(code).toBe(2)
    expect(stderr).toContain('no document id given')
  })

  it('lists the catalogue with --list', async () => {
    const {code, stdout} = await cli('cite', '--list')
    expect(code).toBe(0)
    const ids = stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])
    expect(ids).toEqual([...documents.keys()])
  })
})

describe('references use catalogue fields only', () => {
  it('holds every document’s title and year, its link exactly when it has one, and never "null"', () => {
    for (const document of documents.values()) {
      for (const style of bibliographyStyles) {
        const reference = formatReference(document, style)
        expect(reference, `${document.id} ${style}`).toContain(document.title)
        expect(reference).toContain(document.date.slice(0, 4))
        expect(/https?:\/\//.test(reference), `${document.id} ${style}`).toBe(document.url !== null)
        if (document.url) expect(reference).toContain(document.url)
        expect(reference).not.toMatch(/\bnull\b|\bundefined\b/)
      }
    }
  })

  it('drops the cataloguer’s parenthesised provenance notes from archive and publication', () => {
    expect(withoutAsides('CWIHP Bulletin, Issue 4 (text seen in an unofficial mirror of the Bulletin; page not verified)')).toBe('CWIHP Bulletin, Issue 4')
    expect(withoutAsides('U.N. document S/1518 (as cited by FRUS)')).toBe('U.N. document S/1518')
    expect(withoutAsides('(only an aside)')).toBeNull()
    expect(withoutAsides(null)).toBeNull()
    expect(formatReference(doc('uncok-observers-1950-06-24'))).not.toContain('as cited by FRUS')
  })
})

describe('footnotes use the same style', () => {
  it('makes a Chicago footnote by default, labelled by the document id', () => {
    const note = footnoteFor(doc(stalinToMao))
    expect(note.reference).toBe(`[^${stalinToMao}]`)
    expect(note.definition).toBe(`[^${stalinToMao}]: ${formatReference(doc(stalinToMao), 'chicago')}`)
  })

  it('can be made from the citation a "citation needed" message carries', async () => {
    const file = await lintText('Kim Il Sung asked Stalin again and again for permission to attack.', {ruleSet, path: 'essay.md', citations: true})
    const [citation] = (file.messages[0] as VFileMessage & {data: HistlintMessageData}).data.citations
    expect(citation?.id).toBe('shtykov-1950-01-19')
    expect(footnoteFor(citation!)).toEqual(footnoteFor(doc('shtykov-1950-01-19')))
  })

  it('follows the chosen style', () => {
    expect(footnoteFor(doc(noUrl), 'apa').definition).toBe(`[^${noUrl}]: ${formatReference(doc(noUrl), 'apa')}`)
  })
})
