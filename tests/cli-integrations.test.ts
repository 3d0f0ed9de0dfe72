/** The GitHub Action and the pre-commit hook call histlint with options it has. */
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import {describe, expect, it} from 'vitest'
import {formats, optionTable} from '../src/cli/options.js'
import {root} from './helpers/cli.js'

const options = new Set(optionTable.map((spec) => `--${spec.name}`))

describe('action.yml', () => {
  const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, {default: string}>
    runs: {using: string; steps: {uses?: string; run?: string}[]}
  }

  it('is a composite action that sets up Node, runs histlint and can upload SARIF', () => {
    expect(action.runs.using).toBe('composite')
    const uses = action.runs.steps.flatMap((step) => (step.uses ? [step.uses] : []))
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3'])
    expect(formats).toContain(action.inputs.format?.default)
  })

  it('passes only options the CLI knows', () => {
    const used = action.runs.steps.flatMap((step) => step.run?.match(/--[a-z][a-z-]+/g) ?? []).filter((flag) => !/^--(global|no-audit|no-fund)$/.test(flag))
    expect(used.length).toBeGreaterThan(0)
    for (const flag of used) expect(options).toContain(flag)
  })
})

describe('.pre-commit-hooks.yaml', () => {
  it('runs the package’s bin on Markdown and text files', () => {
    const hooks = YAML.parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {id: string; entry: string; language: string; files: string}[]
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    expect(hooks).toHaveLength(1)
    expect(hooks[0]).toMatchObject({id: 'histlint', entry: 'histlint', language: 'node'})
    expect(Object.keys(manifest.bin)).toContain(hooks[0]?.entry)
    const files = new RegExp(hooks[0]?.files ?? '$^')
    expect(['essays/a.md', 'b.markdown', 'notes.txt'].every((name) => files.test(name))).toBe(true)
    expect(files.test('script.js')).toBe(false)
  })
})
