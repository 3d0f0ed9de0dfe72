/**
 * End to end: the built language server as a child process, driven over
 * stdio by a real JSON-RPC client, as an editor drives it.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {CodeAction, Diagnostic, Hover, InitializeResult, TextEdit} from 'vscode-languageserver-protocol'
import {loadRuleSet} from '../src/index.js'
import {formatDate, ruleCitations} from '../src/evidence/citation.js'
import {footnoteDefinition} from '../src/evidence/footnote.js'
import {TestClient} from './server-harness.js'

const ruleSet = loadRuleSet()
const ruleById = (id: string) => {
  const rule = ruleSet.rules.find((r) => r.id === id)
  if (!rule) throw new Error(`no rule ${id}`)
  return rule
}

const essay = [
  '# Origins',
  '',
  'Stalin ordered Kim Il Sung to invade the South in June 1950. The talks were long.',
  '',
  'Stalin wanted the fighting in Korea to grow into a third world war.',
  ''
].join('\n')

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)

function applyAction(text: string, action: CodeAction | undefined, uri: string): string {
  const change = action?.edit?.documentChanges?.[0]
  if (!change || !('edits' in change)) throw new Error('expected a versioned text edit')
  expect(change.textDocument.uri).toBe(uri)
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits as TextEdit[])
}

let client: TestClient

beforeAll(async () => {
  client = new TestClient()
})

afterAll(() => client.kill())

describe('the histlint language server', () => {
  it('initializes with incremental sync, hovers and quick fixes', async () => {
    const result = (await client.initialize()) as InitializeResult
    expect(result.serverInfo?.name).toBe('histlint-language-server')
    expect(result.capabilities).toMatchObject({
      textDocumentSync: {openClose: true, change: 2},
      hoverProvider: true,
      codeActionProvider: {codeActionKinds: ['quickfix']}
    })
  })

  it('publishes a diagnostic per flagged sentence when a document opens', async () => {
    const diagnostics = await client.open('file:///essays/origins.md', essay)
    expect(summary(diagnostics)).toEqual(['stalin-ordered-invasion 2:0-2:60', 'stalin-sought-world-war 4:0-4:67'])
    const [first] = diagnostics
    const citations = ruleCitations(ruleById('stalin-ordered-invasion'), ruleSet)
    expect(first).toMatchObject({source: 'histlint', severity: 1, codeDescription: {href: citations.find((c) => c.url)?.url}})
    expect(first?.message).toMatch(/^Contradicted claim: /)
  })

  it('updates the diagnostics after incremental edits', async () => {
    const uri = 'file:///essays/origins.md'
    // "Stalin never ordered …": no longer an assertion of the claim.
    let diagnostics = await client.change(uri, [{range: {start: {line: 2, character: 7}, end: {line: 2, character: 7}}, text: 'never '}])
    expect(summary(diagnostics)).toEqual(['stalin-sought-world-war 4:0-4:67'])
    // A new paragraph above moves the remaining claim down two lines and adds one.
    diagnostics = await client.change(uri, [{range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, text: 'Yet the Soviet Union took no part in the war.\n\n'}])
    expect(summary(diagnostics)).toEqual(['soviet-non-involvement 2:0-2:45', 'stalin-sought-world-war 6:0-6:67'])
    // Undo both edits with one replacement of the changed lines.
    diagnostics = await client.change(uri, [
      {range: {start: {line: 2, character: 0}, end: {line: 4, character: 13}}, text: 'Stalin '}
    ])
    expect(summary(diagnostics)).toEqual(['stalin-ordered-invasion 2:0-2:60', 'stalin-sought-world-war 4:0-4:67'])
  })

  it('publishes nothing stale when edits arrive faster than lints', async () => {
    const uri = 'file:///essays/burst.md'
    await client.open(uri, 'Stalin ordered Kim Il Sung to invade the South.\n')
    const from = client.published.length
    // Toggle "never" six times without waiting: versions 2…7, the even ones negated.
    let last: Promise<Diagnostic[]> = Promise.resolve([])
    for (let n = 0; n < 6; n++) {
      const negate = n % 2 === 0
      last = client.change(uri, [{range: {start: {line: 0, character: 7}, end: {line: 0, character: negate ? 7 : 13}}, text: negate ? 'never ' : ''}])
    }
    expect(summary(await last)).toEqual(['stalin-ordered-invasion 0:0-0:47'])
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version ?? 0)
    // Versions only go up, and nothing is published for a version the document has left.
    expect(versions.at(-1)).toBe(7)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    for (const params of client.published.slice(from).filter((p) => p.uri === uri)) {
      expect(params.diagnostics.length).toBe((params.version ?? 0) % 2 === 1 ? 1 : 0)
    }
  })

  it('shows a cited card on hover over a flagged sentence, and nothing elsewhere', async () => {
    const uri = 'file:///essays/origins.md'
    const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 2, character: 20}})) as Hover
    expect(hover.range).toEqual({start: {line: 2, character: 0}, end: {line: 2, character: 60}})
    const card = (hover.contents as {kind: string; value: string}).value
    expect((hover.contents as {kind: string}).kind).toBe('markdown')
    const rule = ruleById('stalin-ordered-invasion')
    expect(card).toContain(`**Claim:** ${rule.claim}`)
    expect(card).toContain('**The documents show:** that the initiative was Kim')
    for (const citation of ruleCitations(rule, ruleSet)) {
      expect(card).toContain(formatDate(citation.date))
      if (citation.url) expect(card).toContain(`<${citation.url}>`)
    }
    expect(card).toContain('**Politburo Decision to Confirm the Following Directive to the Soviet Ambassador in Korea**, 24 September 1949')
    expect(card).toContain('Archive: AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 75-77')
    expect(card).toContain("> From the military side it is impossible to consider that the Peoples' Army is prepared for such an attack.")
    const nothing = await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 3}})
    expect(nothing).toBeNull()
  })
})

describe('quick fixes', () => {
  const uri = 'file:///essays/fixes.md'
  const text = [
    '---',
    'title: Origins',
    '---',
    '',
    '# Origins',
    '',
    'The talks began in March.[^3] Stalin ordered Kim Il Sung to invade the South in June 1950. They met again.',
    '',
    '[^3]: A note of my own.',
    ''
  ].join('\n')
  let actions: CodeAction[] = []

  beforeAll(async () => {
    await client.open(uri, text)
    actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: {start: {line: 6, character: 40}, end: {line: 6, character: 40}},
      context: {diagnostics: []}
    })
  })

  const action = (title: string) => {
    const found = actions.find((a) => a.title.startsWith(title))
    expect(found, `an action titled "${title}…" among ${actions.map((a) => a.title).join(' | ')}`).toBeDefined()
    return found
  }

  it('are offered for the flagged sentence under the cursor, against the current version', () => {
    const rule = ruleById('stalin-ordered-invasion')
    expect(actions.map((a) => a.title)).toEqual([
      ...rule.expected.map((sentence) => `Reword as “${sentence}”`),
      ...ruleCitations(rule, ruleSet).map((c) => `Insert a footnote citing “${c.title}” (${c.date})`),
      'Ignore this claim here (stalin-ordered-invasion)',
      'Disable stalin-ordered-invasion in this file'
    ])
    for (const a of actions) {
      expect(a.kind).toBe('quickfix')
      expect(a.diagnostics?.[0]?.code).toBe('stalin-ordered-invasion')
      expect(a.edit?.documentChanges?.[0]).toMatchObject({textDocument: {uri, version: 1}})
    }
  })

  it('rewords the sentence', () => {
    const reworded = applyAction(text, action('Reword as “Stalin approved'), uri)
    expect(reworded).toBe(text.replace('Stalin ordered Kim Il Sung to invade the South in June 1950.', "Stalin approved Kim Il Sung's plan to invade."))
  })

  it('inserts a numbered footnote after the sentence and its Chicago note at the end', () => {
    const citation = ruleCitations(ruleById('stalin-ordered-invasion'), ruleSet).find((c) => c.id === 'politburo-1949-09-24')
    if (!citation) throw new Error('the rule cites the Politburo decision')
    const cited = applyAction(text, action(`Insert a footnote citing “${citation.title}”`), uri)
    const note =
      '[^4]: Politburo, CC VKP(b), to Ambassador Shtykov, for Kim Il Sung and Pak Heon-yeong, “Politburo Decision to Confirm the Following Directive to the Soviet Ambassador in Korea,” September 24, 1949, AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 75-77, https://digitalarchive.wilsoncenter.org/document/112133.'
    // `[^4]` right after the sentence's full stop; the note after a blank line at the end.
    expect(cited).toBe(`${text.replace('in June 1950. They', 'in June 1950.[^4] They')}\n${note}\n`)
    expect(cited.endsWith(`${footnoteDefinition(4, citation)}\n`)).toBe(true)
  })

  it('ignores the claim with a comment before its paragraph', () => {
    expect(applyAction(text, action('Ignore this claim here'), uri)).toBe(
      text.replace('The talks began', '<!-- histlint ignore stalin-ordered-invasion -->\n\nThe talks began')
    )
  })

  it('disables the rule at the top of the file, after the front matter', () => {
    expect(applyAction(text, action('Disable stalin-ordered-invasion'), uri)).toBe(
      text.replace('---\n\n# Origins', '---\n\n<!-- histlint disable stalin-ordered-invasion -->\n\n# Origins')
    )
  })

  it('makes the flag go away once an ignore or disable comment is applied', async () => {
    for (const [n, title] of ['Ignore this claim here', 'Disable stalin-ordered-invasion'].entries()) {
      const controlled = applyAction(text, action(title), uri)
      expect(await client.open(`file:///essays/controlled-${n}.md`, controlled)).toEqual([])
    }
    // The same comment for another rule leaves the flag in place.
    const other = applyAction(text, action('Ignore this claim here'), uri).replace('ignore stalin-ordered-invasion', 'ignore south-attacked-first')
    expect((await client.open('file:///essays/controlled-other.md', other)).map((d) => d.code)).toEqual(['stalin-ordered-invasion'])
  })

  it('disables the rule on the first line of a file without front matter', async () => {
    const plainUri = 'file:///essays/bare.md'
    const bare = 'Stalin ordered Kim Il Sung to invade the South.\n'
    await client.open(plainUri, bare)
    const offered: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: plainUri},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 5}},
      context: {diagnostics: []}
    })
    const disable = offered.find((a) => a.title.startsWith('Disable'))
    expect(applyAction(bare, disable, plainUri)).toBe(`<!-- histlint disable stalin-ordered-invasion -->\n\n${bare}`)
  })

  it('offers only rewordings in plain text, and nothing to a client asking for other kinds', async () => {
    const textUri = 'file:///essays/notes.txt'
    await client.open(textUri, 'Stalin ordered Kim Il Sung to invade the South.\n', 'plaintext')
    const range = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
    const offered: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: textUri}, range, context: {diagnostics: []}})
    expect(offered.map((a) => a.title)).toEqual(ruleById('stalin-ordered-invasion').expected.map((s) => `Reword as “${s}”`))
    const refactors = await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: textUri}, range, context: {diagnostics: [], only: ['refactor']}})
    expect(refactors).toEqual([])
  })
})

describe('settings and closing', () => {
  it('turns a rule off, or changes its severity, from the workspace settings', async () => {
    const uri = 'file:///essays/origins.md'
    client.settings = {rules: {'stalin-sought-world-war': 'off', 'stalin-ordered-invasion': 'warning'}}
    let republished = client.diagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const warned = await republished
    expect(summary(warned)).toEqual(['stalin-ordered-invasion 2:0-2:60'])
    expect(warned[0]?.severity).toBe(2)
    // "info" is vfile's fatal: undefined, which is LSP's Information.
    client.settings = {rules: {'stalin-sought-world-war': 'off', 'stalin-ordered-invasion': 'info'}}
    republished = client.diagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    expect((await republished).map((d) => d.severity)).toEqual([3])
    client.settings = {}
    const restored = client.diagnostics(uri)
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {histlint: {rules: {}}}})
    expect(summary(await restored)).toEqual(['stalin-ordered-invasion 2:0-2:60', 'stalin-sought-world-war 4:0-4:67'])
  })

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///essays/origins.md'
    const cleared = client.diagnostics(uri)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    expect(await cleared).toEqual([])
  })

  it('shuts down and exits with code 0', async () => {
    expect(await client.shutdown()).toBe(0)
  })
})
