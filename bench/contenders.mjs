/**
 * The three things the benchmark times on the same text, each a function
 * from Markdown text to a promise:
 * - histlint: `lintFile` with a rule set (all rules);
 * - parse: the floor, remark-parse (+ front matter, GFM) → remark-retext with
 *   the English parser over the whole document, and nothing else;
 * - mdast: remark-parse (+ front matter, GFM) alone, the part of the floor
 *   that no nlcst-based linter can skip;
 * - alex: alex's Markdown API.
 */
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {lintFile} from '../dist/src/index.js'
import {ignoredMarkdown} from '../dist/src/pipeline/processor.js'

export function histlint(ruleSet) {
  const options = {ruleSet}
  return (value) => lintFile(new VFile({value, path: 'essay.md'}), options)
}

export function parse() {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkRetext, ParseEnglish, {ignore: ignoredMarkdown})
    .freeze()
  return async (value) => {
    const file = new VFile({value, path: 'essay.md'})
    await processor.run(processor.parse(file), file)
    return file
  }
}

export function mdast() {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()
  return async (value) => processor.parse(new VFile({value, path: 'essay.md'}))
}

export async function alex() {
  const {markdown} = await import('alex')
  return async (value) => markdown(value)
}
