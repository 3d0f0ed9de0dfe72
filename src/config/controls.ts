/**
 * What a teacher controls after the linter has run: inline comments, the
 * allowlist and severities. Works on any vfile histlint has linted, so the
 * CLI and the language server share it.
 *
 * Inline comments (`<!-- histlint disable|enable|ignore [rule…] -->`) are
 * HTML nodes in the Markdown tree (mdast), but the histlint plugin runs on
 * the English tree (nlcst) that remark-retext's mutate mode puts in place of
 * the mdast, so a message-control plugin in the same pipeline would see no
 * comments. Instead, after the run, we parse the same text again with the
 * same parser (createProcessor(...).parse: remark-parse + front matter + GFM,
 * no transforms), and hand that mdast to remark-message-control, which
 * filters the file's messages by position. Message positions come from the
 * same source text, so the two trees agree. The second parse costs about a
 * third of a lint run (81 of 237 ms CPU on a 20,000-character essay), so it is
 * skipped when the text holds no `<!-- histlint`.
 */
import type {Root as MdastRoot, RootContent} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import remarkMessageControl from 'remark-message-control'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createProcessor, lintFile, syntaxOf, type Syntax} from '../pipeline/processor.js'
import {source} from '../plugin.js'
import type {RuleSet, SeveritySetting} from '../rules/types.js'
import type {ResolvedConfig} from './types.js'

/** The comment name: `<!-- histlint … -->`. */
export const controlName = 'histlint'
/** The rule id given to problems with the comments themselves (an unknown rule id, an unknown keyword). */
export const commentRuleId = 'histlint-comment'

type Controls = Pick<ResolvedConfig, 'ruleSet' | 'severities' | 'allowlist'>

const parsers = new WeakMap<RuleSet, ReturnType<typeof createProcessor>>()

function parseMarkdown(file: VFile, ruleSet: RuleSet): MdastRoot {
  let parser = parsers.get(ruleSet)
  if (!parser) parsers.set(ruleSet, (parser = createProcessor('markdown', {ruleSet}).freeze()))
  return parser.parse(file) as MdastRoot
}

const keywords = ['enable', 'disable', 'ignore']

/**
 * Take out histlint comments with an unknown keyword (`<!-- histlint stop -->`),
 * warning about each: message control would fail the whole file on one, and
 * the file's other comments would then count for nothing.
 */
function dropUnknownKeywords(node: MdastRoot | RootContent, file: VFile): void {
  if (!('children' in node)) return
  node.children = (node.children as RootContent[]).filter((child) => {
    const marker = child.type === 'html' ? commentMarker(child) : undefined
    const keyword = marker?.attributes.trim().split(/\s+/)[0] ?? ''
    if (!marker || marker.name !== controlName || keywords.includes(keyword)) return true
    const message = file.message(`Unknown keyword \`${keyword}\` in a histlint comment: expected \`enable\`, \`disable\` or \`ignore\``, {place: child.position, ruleId: commentRuleId, source})
    message.fatal = false
    return false
  }) as typeof node.children
  for (const child of node.children as RootContent[]) dropUnknownKeywords(child, file)
}

/** Whether the text may hold a histlint comment; most essays hold none, and then there is nothing to parse. */
const mayHoldComment = /<!--\s*histlint/

/** Apply the inline comments of a Markdown file to its messages. */
export function applyInlineControl(file: VFile, ruleSet: RuleSet): void {
  if (!mayHoldComment.test(String(file.value))) return
  const tree = parseMarkdown(file, ruleSet)
  dropUnknownKeywords(tree, file)
  const transform = remarkMessageControl({name: controlName, known: ruleSet.rules.map((rule) => rule.id), source})
  ;(transform as unknown as (tree: MdastRoot, file: VFile) => void)(tree, file)
  // An unknown rule id is reported by unified-message-control; give it
  // histlint's name and a warning level so a teacher sees it.
  for (const message of file.messages) {
    if (message.source === 'unified-message-control') {
      message.source = source
      message.ruleId = commentRuleId
      message.fatal = false
    }
  }
}

/** vfile's convention: fatal true = error, false = warning, undefined = info. */
function fatalOf(setting: Exclude<SeveritySetting, 'off'>): boolean | undefined {
  return setting === 'error' ? true : setting === 'warning' ? false : undefined
}

/** Lower-case, one space, straight quotes: how sentences and allowlist phrases are compared. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A test for "this sentence contains an allowlisted phrase" (whole words, any case, any spacing). */
export function allowlistMatcher(phrases: readonly string[]): (sentence: string) => boolean {
  if (phrases.length === 0) return () => false
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${phrases.map((p) => escapeRegExp(normaliseText(p))).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u')
  return (sentence) => pattern.test(normaliseText(sentence))
}

function isHistlintFlag(message: VFileMessage): boolean {
  return message.source === source && message.ruleId !== commentRuleId
}

/**
 * Apply inline comments (Markdown only), the allowlist and severities to a
 * linted file's messages. Severities are normally applied while linting
 * (see lintWithConfig); applying them again here makes the function right for
 * a file linted without them.
 */
export function applyControls(file: VFile, controls: Controls, syntax: Syntax = syntaxOf(file.path)): VFile {
  if (syntax === 'markdown') applyInlineControl(file, controls.ruleSet)
  const allowlisted = allowlistMatcher(controls.allowlist)
  file.messages = file.messages.filter((message) => {
    if (!isHistlintFlag(message)) return true
    const setting = message.ruleId ? controls.severities[message.ruleId] : undefined
    if (setting === 'off') return false
    if (setting) message.fatal = fatalOf(setting)
    return !allowlisted(message.actual ?? '')
  })
  // Comment warnings join the flags: keep the whole list in reading order.
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  return file
}

/** Lint one essay with its config: the rules and severities it selects, then its comments and allowlist. */
export async function lintWithConfig(file: VFile, config: ResolvedConfig, syntax: Syntax = syntaxOf(file.path)): Promise<VFile> {
  await lintFile(file, config.lintOptions, syntax)
  return applyControls(file, config, syntax)
}
