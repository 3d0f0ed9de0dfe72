/**
 * The language server reads the same configuration as the CLI: the nearest
 * .histlintrc above the document, with workspace settings on top, and it
 * shows "citation needed" (the editor is where the footnote gets added).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TestClient} from './server-harness.js'

let client: TestClient
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-server-config-'))
fs.mkdirSync(path.join(dir, 'quiet'))
fs.writeFileSync(path.join(dir, 'quiet', '.histlintrc.json'), JSON.stringify({rules: {'stalin-ordered-invasion': 'off'}, allowlist: ['our textbook']}))
const uri = (name: string) => pathToFileURL(path.join(dir, name)).href

beforeAll(async () => {
  client = new TestClient()
  await client.initialize()
})

afterAll(() => client.kill())

describe('configuration in the language server', () => {
  const text = 'Stalin ordered Kim Il Sung to invade the South.\n\nOur textbook says the Soviet Union took no part in the war, and it is right.\n'

  it('applies the nearest config file: rules turned off and allowlisted phrases are not flagged', async () => {
    const plain = await client.open(uri('essay.md'), text)
    expect(plain.map((d) => d.code).sort()).toEqual(['soviet-non-involvement', 'stalin-ordered-invasion'])
    const quiet = await client.open(uri('quiet/essay.md'), text)
    expect(quiet.map((d) => d.code)).toEqual([])
  })

  it('shows "citation needed" for a supported claim without a citation, as information', async () => {
    const diagnostics = await client.open(uri('supported.md'), 'Kim Il Sung asked Stalin again and again for permission to attack the South.\n')
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({code: 'kim-sought-permission', severity: 3})
    expect(diagnostics[0]?.message).toMatch(/^Citation needed: /)
  })
})
