/**
 * GFM for prose, in two parts: remark-gfm as a whole, and the same without
 * literal autolinks (bare `www.` / `https://` / e-mail addresses).
 *
 * The literal-autolink syntax tests nearly every character of the text and
 * doubles the cost of remark-parse (PIPELINE-NOTES; `npm run bench`), yet it
 * can only find something where the text holds `www.`, `://` or `@`. So
 * `parseMarkdown` parses without it, and parses again with all of GFM only
 * when some text node holds one of those: the tree is then exactly what
 * remark-gfm gives, and most essays (whose links are `[text](url)`) pay for
 * the cheap parse alone.
 */
import type {Root, Text} from 'mdast'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/** remark-gfm without literal autolinks: footnotes, strikethrough, tables, task lists (remark-gfm's order and defaults). */
export function remarkGfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}

/** What every literal autolink contains: `www.`, a protocol's `://`, or an e-mail address's `@`. */
const literalAutolinkMark = /www\.|:\/\/|@/i

/** Whether a tree parsed without literal autolinks has text where the full GFM parse could find one. */
export function mayHoldLiteralAutolinks(tree: Root): boolean {
  const stack: Array<Root | Root['children'][number]> = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as Root | Root['children'][number]
    if (node.type === 'text' && literalAutolinkMark.test((node as Text).value)) return true
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return false
}

/** Whether a document could hold a literal autolink at all (a cheap test before parsing). */
export function mayHoldLiteralAutolinkText(value: string): boolean {
  return literalAutolinkMark.test(value)
}
