import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {run} from '../src/cli/run.js'
import {lintText, loadRuleSet, type HistlintMessageData} from '../src/index.js'

const ruleSet = loadRuleSet()
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'verdicts', name), 'utf8')
const dataOf = (m: VFileMessage) => (m as VFileMessage & {data: HistlintMessageData}).data

async function lint(text: string, options: {citations?: boolean; path?: string} = {}) {
  const file = await lintText(text, {ruleSet, path: options.path ?? 'essay.md', citations: options.citations})
  return file.messages
}

const supported = ruleSet.rules.filter((r) => r.verdict === 'supported')
const contested = ruleSet.rules.filter((r) => r.verdict === 'contested')

describe('the rule pack beyond contradiction', () => {
  it('has at least six supported and three contested rules, all info by default', () => {
    expect(supported.length).toBeGreaterThanOrEqual(6)
    expect(contested.length).toBeGreaterThanOrEqual(3)
    for (const rule of [...supported, ...contested]) expect(rule.severity, rule.id).toBe('info')
  })

  it('cites catalogue documents in every supported and contested rule, and both sides of a contested one', () => {
    for (const rule of [...supported, ...contested]) {
      expect(rule.documents.length, rule.id).toBeGreaterThan(0)
      for (const id of [...rule.documents, ...rule.otherSide]) expect(ruleSet.documents.has(id), `${rule.id}: ${id}`).toBe(true)
    }
    for (const rule of contested) expect(rule.otherSide.length, rule.id).toBeGreaterThan(0)
  })

  it('flags each rule’s own flagged examples and not its clean ones (citations on)', async () => {
    for (const rule of [...supported, ...contested]) {
      for (const text of rule.examples.flagged) expect((await lint(text, {citations: true})).map((m) => m.ruleId), text).toContain(rule.id)
      for (const text of rule.examples.clean) expect((await lint(text, {citations: true})).map((m) => m.ruleId), text).not.toContain(rule.id)
    }
  })
})

describe('paraphrases', () => {
  // One phrasing per rule beyond its own examples, and claims that only look alike.
  it.each([
    ['kim-sought-permission', 'For months Kim pressed the Soviet leader to sanction an attack on Seoul.'],
    ['stalin-approved-attack', 'Stalin allowed Kim to go ahead, as long as Mao agreed.'],
    ['soviet-pilots-fought-from-november-1950', 'American pilots faced Soviet airmen in MiG Alley.'],
    ['soviets-proposed-armistice-talks', 'Through its UN ambassador, the USSR proposed ceasefire talks in June 1951.'],
    ['stalin-urged-firm-negotiating-line', 'Stalin counselled Mao to show no haste in the negotiations.'],
    ['successors-moved-to-end-war', 'Once Stalin was dead, his heirs sought a quick end to the fighting.'],
    ['stalin-reneged-on-air-cover', 'Stalin went back on his word about air cover.'],
    ['soviet-un-absence-deliberate', 'The Soviet empty seat at the Security Council was no accident.'],
    ['stalin-risked-wider-war', 'By October Stalin no longer feared a clash with the United States.'],
    ['mao-reluctant-to-intervene', 'Mao was determined to intervene in Korea.'],
    ['moscow-refused-attack-1949', 'Stalin told Kim that his army was not ready for an attack.']
  ])('%s: "%s"', async (id, text) => {
    expect((await lint(text, {citations: true})).map((m) => m.ruleId)).toContain(id)
  })

  it.each([
    'Kim asked Stalin for more advisers in 1950.',
    'Stalin approved the armistice in 1953.',
    'Soviet pilots were kept away from the front line.',
    'Moscow proposed a peace conference on Germany in 1952.',
    'Mao was eager to build up China’s economy.',
    'Truman risked a wider war.',
    'The new leadership arrested Beria.',
    'Stalin refused Kim’s request for more tanks.'
  ])('no new verdict on "%s"', async (text) => {
    const ids = (await lint(text, {citations: true})).map((m) => m.ruleId)
    const newRules = new Set([...supported, ...contested].map((r) => r.id))
    expect(ids.filter((id) => newRules.has(id))).toEqual([])
  })
})

describe('supported claims: "citation needed"', () => {
  it('flags each uncited supported claim as info, naming the document to cite', async () => {
    const messages = await lint(fixture('uncited.md'), {citations: true})
    expect(messages.map((m) => m.ruleId)).toEqual([
      'kim-sought-permission',
      'stalin-approved-attack',
      'soviet-pilots-fought-from-november-1950',
      'soviets-proposed-armistice-talks',
      'stalin-urged-firm-negotiating-line',
      'successors-moved-to-end-war'
    ])
    for (const message of messages) {
      const rule = supported.find((r) => r.id === message.ruleId)
      expect(message.fatal).toBeUndefined()
      expect(dataOf(message).verdict).toBe('supported')
      expect(message.reason).toMatch(/^Citation needed: /)
      expect(message.reason).toContain(`[${rule?.documents[0]}]`)
      expect(message.reason).toContain(ruleSet.documents.get(rule?.documents[0] ?? '')?.title)
    }
    expect(messages[0]?.line).toBe(4)
  })

  it('is silent on the same essay with footnotes, a parenthetical reference and a link', async () => {
    expect(await lint(fixture('cited.md'), {citations: true})).toEqual([])
  })

  it('flags the cited essay’s claims once its citations are taken out', async () => {
    const stripped = fixture('cited.md')
      .split(/\n\[\^/)[0]!
      .replace(/\[\^\w+\]/g, '')
      .replace(/ \([^()]*\d{4}\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    expect(await lint(stripped, {citations: true})).toHaveLength(6)
  })

  it('is off by default, so a default run shows only contradicted claims and contested points', async () => {
    expect(await lint(fixture('uncited.md'))).toEqual([])
  })

  it('counts a citation anywhere in the paragraph, even on another line', async () => {
    const text = 'Kim Il Sung asked Stalin again and again for permission to attack.\nHe was refused in 1949.[^1]\n\n[^1]: Politburo, 24 September 1949.\n'
    expect(await lint(text, {citations: true})).toEqual([])
  })

  it('does not count a citation in another paragraph', async () => {
    const text = 'Kim Il Sung asked Stalin again and again for permission to attack.\n\nHe was refused in 1949.[^1]\n\n[^1]: Politburo, 24 September 1949.\n'
    expect((await lint(text, {citations: true})).map((m) => m.ruleId)).toEqual(['kim-sought-permission'])
  })

  it('takes "(Shtykov, 30 May 1950)" as a reference but not "(in April 1950)"', async () => {
    const claim = 'Stalin approved the attack'
    expect(await lint(`${claim} (Filippov to Mao, 14 May 1950).`, {citations: true})).toEqual([])
    expect(await lint(`${claim} (Weathersby 1993, 25).`, {citations: true})).toEqual([])
    expect((await lint(`${claim} (in April 1950).`, {citations: true})).map((m) => m.ruleId)).toEqual(['stalin-approved-attack'])
  })

  it('does not flag supported claims that are negated, asked or attributed', async () => {
    for (const text of ['Stalin never approved the attack in 1949.', 'Did Stalin approve the attack?', 'Pyongyang claimed that Stalin approved the attack.']) {
      expect((await lint(text, {citations: true})).filter((m) => m.ruleId === 'stalin-approved-attack'), text).toEqual([])
    }
  })

  it('reads plain text by its blank-line paragraphs', async () => {
    const uncited = 'Kim Il Sung asked Stalin again and again for permission to attack.\nHe was refused.\n\nSee Weathersby (Weathersby 1993).\n'
    expect((await lint(uncited, {citations: true, path: 'essay.txt'})).map((m) => m.ruleId)).toEqual(['kim-sought-permission'])
    const cited = 'Kim Il Sung asked Stalin again and again for permission to attack.\nHe was refused (Politburo, 24 September 1949).\n'
    expect(await lint(cited, {citations: true, path: 'essay.txt'})).toEqual([])
  })
})

describe('contested claims: "historians disagree"', () => {
  it('reports each contested point as info by default, with the documents on both sides', async () => {
    const messages = await lint(fixture('contested.md'))
    expect(messages.map((m) => m.ruleId)).toEqual(['soviet-un-absence-deliberate', 'mao-reluctant-to-intervene', 'stalin-risked-wider-war', 'stalin-reneged-on-air-cover'])
    for (const message of messages) {
      const rule = contested.find((r) => r.id === message.ruleId)
      const data = dataOf(message)
      expect(message.fatal).toBeUndefined()
      expect(message.reason).toMatch(/^Historians disagree whether /)
      expect(data.verdict).toBe('contested')
      expect(data.citations.map((c) => c.id)).toEqual(rule?.documents)
      expect(data.otherSide?.map((c) => c.id)).toEqual(rule?.otherSide)
      for (const id of [...(rule?.documents ?? []), ...(rule?.otherSide ?? [])]) expect(message.reason).toContain(`[${id}]`)
      expect(message.note).toContain('On the other side:')
    }
  })

  it('keeps contradicted claims as errors next to the new verdicts', async () => {
    const messages = await lint('Stalin ordered Kim Il Sung to invade the South.', {citations: true})
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['stalin-ordered-invasion', true]])
    expect(dataOf(messages[0] as VFileMessage).verdict).toBe('contradicted')
  })
})

describe('the command line', () => {
  async function cli(...argv: string[]) {
    let stdout = ''
    const code = await run(argv, {stdout: (t) => (stdout += t), stderr: () => undefined, cwd: path.join(import.meta.dirname, '..')})
    return {code, files: JSON.parse(stdout) as {messages: {ruleId: string; severity: string}[]}[]}
  }

  it('turns "citation needed" on with --citations, as info that does not fail the run', async () => {
    const on = await cli('--citations', '--format', 'json', 'fixtures/verdicts/uncited.md')
    expect(on.code).toBe(0)
    expect(on.files[0]?.messages).toHaveLength(6)
    expect(new Set(on.files[0]?.messages.map((m) => m.severity))).toEqual(new Set(['info']))
    const off = await cli('--format', 'json', 'fixtures/verdicts/uncited.md')
    expect(off.files[0]?.messages).toEqual([])
  })

  it('shows contested points by default, as info', async () => {
    const {code, files} = await cli('--format', 'json', 'fixtures/verdicts/contested.md')
    expect(code).toBe(0)
    expect(files[0]?.messages.map((m) => m.severity)).toEqual(['info', 'info', 'info', 'info'])
  })
})
