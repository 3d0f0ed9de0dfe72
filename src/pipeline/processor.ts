/**
 * The unified pipelines. Markdown: remark-parse (in pieces when long, see
 * ./parse-markdown.ts) + front matter + GFM →
 * histlint's Markdown-to-English bridge → histlint. Plain text: the English
 * parser through the same bridge → histlint.
 *
 * The bridge (./to-nlcst.ts) gives the trees remark-retext in mutate mode and
 * retext-english would give, with the English sentence splitter ("Gen.
 * MacArthur landed." stays one sentence), but in linear time and without
 * overflowing the stack (see PIPELINE-NOTES and docs/reliability.md).
 * Before parsing, ./guard.ts refuses input too large or too deeply nested.
 */
import type {Root as MdastRoot, Nodes as MdastNodes} from 'mdast'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import retextHistlint, {type HistlintOptions} from '../plugin.js'
import {assertLintable} from './guard.js'
import remarkParseLinear from './parse-markdown.js'
import {markdownToNlcst, textToNlcst, type ToNlcstOptions} from './to-nlcst.js'

export type Syntax = 'markdown' | 'text'

/**
 * Markdown nodes that are never the author's prose: code, HTML, front matter,
 * and blockquotes (someone else's words).
 */
export const ignoredMarkdown = ['blockquote', 'code', 'html', 'yaml', 'toml', 'definition']

/** Drop links whose text is their own URL (autolinks, bare URLs): a URL is not prose. */
export function remarkDropUrlText() {
  return function (tree: MdastRoot): void {
    // A loop, not recursion: inline markup can nest deeper than the stack.
    const stack: MdastNodes[] = [tree]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (!('children' in node)) continue
      node.children = (node.children as MdastNodes[]).filter((child) => {
        if (child.type !== 'link') return true
        const text = child.children.map((c) => ('value' in c ? c.value : '')).join('')
        return !(text === child.url || /^(https?:\/\/|www\.|mailto:)/i.test(text))
      }) as typeof node.children
      for (const child of node.children as MdastNodes[]) stack.push(child)
    }
  }
}

/** Markdown → nlcst (mutate mode: later plugins run on the English tree). */
function remarkEnglish(options: ToNlcstOptions) {
  return (tree: MdastRoot, file: VFile) => markdownToNlcst(tree, file, new ParseEnglish(), options)
}

/** Plain text → nlcst, as retext-english would parse it. */
function textEnglish(this: Processor) {
  this.parser = (_document: string, file: VFile) => textToNlcst(file, new ParseEnglish())
}

/** The processor for a syntax; plugins after the parse all work on nlcst. */
export function createProcessor(syntax: Syntax, options: HistlintOptions): Processor<any, any, any, any, any> {
  if (syntax === 'text') return unified().use(textEnglish).use(retextHistlint, options) as unknown as Processor<any, any, any, any, any>
  return unified()
    .use(remarkParseLinear)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkDropUrlText)
    .use(remarkEnglish, {ignore: ignoredMarkdown})
    .use(retextHistlint, options) as unknown as Processor<any, any, any, any, any>
}

/** The syntax for a path: `.txt` is plain text, everything else Markdown. */
export function syntaxOf(filePath: string | undefined): Syntax {
  return filePath && /\.txt$/i.test(filePath) ? 'text' : 'markdown'
}

const processors = new WeakMap<HistlintOptions, Map<Syntax, Processor<any, any, any, any, any>>>()

/** Lint one document; returns its vfile with histlint's messages (sorted by position). */
export async function lintFile(file: VFile, options: HistlintOptions, syntax: Syntax = syntaxOf(file.path)): Promise<VFile> {
  let bySyntax = processors.get(options)
  if (!bySyntax) processors.set(options, (bySyntax = new Map()))
  let processor = bySyntax.get(syntax)
  if (!processor) bySyntax.set(syntax, (processor = createProcessor(syntax, options).freeze()))
  assertLintable(String(file), syntax === 'markdown')
  // Pass the file to run(): without it nlcst nodes silently lose positions.
  const tree = processor.parse(file)
  await processor.run(tree, file)
  file.messages.sort((a, b) => (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0))
  return file
}

/** Convenience: lint a string. */
export async function lintText(value: string, options: HistlintOptions & {path?: string; syntax?: Syntax}): Promise<VFile> {
  const file = new VFile({value, path: options.path})
  return lintFile(file, options, options.syntax ?? syntaxOf(options.path))
}
