/** Every URL histlint prints, in every output format, is the link of a document in the catalogue. */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadRuleSet} from '../src/index.js'

const root = path.join(import.meta.dirname, '..')
const bin = path.join(root, 'dist', 'src', 'cli', 'bin.js')
const catalogueUrls = new Set([...loadRuleSet().documents.values()].flatMap((d) => (d.url ? [d.url] : [])))

describe('printed URLs', () => {
  it.each(['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'])('%s output links only to catalogue documents', (format) => {
    const result = spawnSync(process.execPath, [bin, '--format', format, '--verbose', '--citations', 'fixtures/essays', 'fixtures/verdicts'], {cwd: root, encoding: 'utf8'})
    const urls = result.stdout.match(/https?:\/\/[^\s"'<>)\]]+/g) ?? []
    // GitLab's Code Quality report carries no links; the others all cite.
    if (format !== 'gitlab') expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(catalogueUrls, url).toContain(url.replace(/[.,;]+$/, ''))
  })
})
