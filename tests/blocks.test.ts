import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor, lintFile, loadRuleSet} from '../src/index.js'

const options = {ruleSet: loadRuleSet()}
const whole = createProcessor('markdown', options).freeze()

/** What a user sees of each message: rule, place, sentence, severity. */
function seen(file: VFile): string[] {
  return file.messages.map((m) => JSON.stringify([m.ruleId, m.place, m.actual, m.fatal]))
}

async function wholeDocument(value: string): Promise<string[]> {
  const file = new VFile({value, path: 'essay.md'})
  await whole.run(whole.parse(file), file)
  file.messages.sort((a, b) => JSON.stringify(a.place).localeCompare(JSON.stringify(b.place)))
  return seen(file)
}

async function blockByBlock(value: string): Promise<string[]> {
  const file = await lintFile(new VFile({value, path: 'essay.md'}), options)
  file.messages.sort((a, b) => JSON.stringify(a.place).localeCompare(JSON.stringify(b.place)))
  return seen(file)
}

// Documents where a block's sentences depend on its neighbours in the parser:
// wordless sentences, unfinished headings, abbreviations at a block's end,
// lower-case starts, quotes and code between paragraphs, same-line blocks.
const documents = {
  'plain paragraphs': 'Stalin ordered Kim Il Sung to invade the South.\n\nThe Soviet Union stayed completely out of the war.\n',
  'front matter and headings without stops': '---\ntitle: x\n---\n\n# Moscow\n\n## Origins\nStalin wanted a third world war.\n',
  'a wordless paragraph before a claim': 'Kim asked many times.\n\n...\n\nStalin ordered Kim to invade the South.\n',
  'a wordless tail after a claim': 'Stalin wanted a third world war.\n\u2014\n\n- \u2014\n- Stalin wanted a third world war.\n\u2014\n',
  'a lower-case start after a dropped link': 'Kim acted alone, without Moscow.\n<https://example.org>\n\n# <https://example.org> stalin ordered kim to invade the south 1950. Stalin wanted a third world war.\n',
  'an abbreviation ending a block': 'See Gen.\n\nSouth Korea started the war by attacking the North.\n\nAs Mr.\n',
  'quotes and code between paragraphs': '## Origins\n\n> Stalin ordered the attack.\n\n```\ncode\n```\n\nStalin ordered Kim to invade.\n',
  'lists, tables and footnotes': '- Stalin ordered Kim to invade.[^1]\n- Kim acted alone, without Moscow.\n\n| a | b |\n|---|---|\n| Stalin ordered it. | x |\n\n[^1]: Soviet pilots never flew over Korea.\n',
  'bare URLs and addresses (parsed with literal autolinks only where they occur)':
    'See www.example.org/stalin-ordered-kim-to-invade for more. Stalin ordered Kim to invade the South.\n\nRead https://example.org/x. Kim acted alone, without Moscow.\n\nWrite to kim@example.org: Stalin wanted a third world war.\n',
  'words the parser joins or markup splits (the pre-filter must see them)': "The U.S.S.R. didn't take part in the Korean War.\n\nSta**lin** ordered Kim to invade the South.\n",
  'headings without stops between quotes': '# )South Korea started the war by attacking the North\n\n> x\n\n\u2014\n"Stalin ordered the invasion," he wrote.\n'
}

describe('block-by-block linting reports what whole-document linting reports', () => {
  for (const [name, value] of Object.entries(documents)) {
    it(name, async () => {
      const expected = await wholeDocument(value)
      expect(expected.length).toBeGreaterThan(0)
      expect(await blockByBlock(value)).toEqual(expected)
    })
  }
})
