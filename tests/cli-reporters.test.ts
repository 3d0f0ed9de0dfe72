/** Escaping in the text formats: a sentence can hold any character an essay holds. */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, reportGithub} from '../src/reporters/github.js'
import {escapeXml, reportJunit} from '../src/reporters/junit.js'
import {fingerprintsOf} from '../src/reporters/fingerprint.js'

const context = {cwd: '/course', rules: new Map(), documents: new Map()}

function fileWith(reason: string, filePath = 'essays/a, b: c.md'): VFile {
  const file = new VFile({path: filePath, value: 'x'})
  const message = file.message(reason, {place: {start: {line: 2, column: 3}, end: {line: 2, column: 9}}, ruleId: 'some-rule', source: 'histlint'})
  message.fatal = true
  return file
}

describe('github workflow commands', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext')
    expect(escapeProperty('a, b: c%')).toBe('a%2C b%3A c%25')
    expect(reportGithub([fileWith('Line one\nline two: 50%')], context)).toBe(
      '::error file=essays/a%2C b%3A c.md,line=2,col=3,endLine=2,endColumn=9,title=some-rule::Line one%0Aline two: 50%25\n'
    )
  })
})

describe('junit', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;')
    expect(reportJunit([fileWith('Kim & <Stalin>', 'a.md')], context)).toContain(
      '<failure type="some-rule" message="2:3-2:9 Kim &amp; &lt;Stalin&gt;">2:3-2:9 error Kim &amp; &lt;Stalin&gt;</failure>'
    )
  })
})

describe('fingerprints', () => {
  it('tell repeated sentences apart by occurrence and ignore case and spacing', () => {
    const file = new VFile({path: 'a.md', value: ''})
    for (const text of ['Stalin  ordered it.', 'stalin ordered it.', 'Another sentence.']) {
      const message = file.message('r', {ruleId: 'some-rule', source: 'histlint'})
      message.actual = text
    }
    const [first, second, third] = [...fingerprintsOf(file).values()]
    expect(first).not.toBe(second)
    expect(new Set([first, second, third]).size).toBe(3)
    const again = new VFile({path: 'a.md', value: ''})
    const message = again.message('r', {ruleId: 'some-rule', source: 'histlint'})
    message.actual = 'STALIN ORDERED IT.'
    expect([...fingerprintsOf(again).values()]).toEqual([first])
  })
})
