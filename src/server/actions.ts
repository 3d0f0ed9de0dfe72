/**
 * Quick fixes for a flagged sentence:
 * - reword it as the rule's `expected` sentence(s);
 * - insert a footnote citing one of its documents (`[^n]` after the sentence,
 *   the Chicago-style note at the end of the file, numbered after the
 *   footnotes already there);
 * - ignore the claim here (`<!-- histlint ignore RULE -->` before its block);
 * - disable the rule in this file (`<!-- histlint disable RULE -->` at the
 *   top, after front matter).
 * Footnotes and comments are Markdown, so plain text only gets rewordings.
 */
import {CodeActionKind, type CodeAction, type TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {footnoteDefinition, nextFootnoteNumber} from '../evidence/footnote.js'
import {blockAt} from './blocks.js'
import {toDiagnostic} from './diagnostics.js'
import type {Finding, LintedDocument} from './lint.js'

/** A quick fix before it is wrapped in a workspace edit for a given client. */
export interface QuickFix {
  readonly title: string
  readonly edits: readonly TextEdit[]
  readonly finding: Finding
  readonly isPreferred?: boolean
}

function insertAt(document: TextDocument, offset: number, newText: string): TextEdit {
  const position = document.positionAt(offset)
  return {range: {start: position, end: position}, newText}
}

function replace(document: TextDocument, start: number, end: number, newText: string): TextEdit {
  return {range: {start: document.positionAt(start), end: document.positionAt(end)}, newText}
}

function rewordings(document: TextDocument, finding: Finding): QuickFix[] {
  return finding.expected.map((expected) => ({
    title: `Reword as “${expected}”`,
    edits: [replace(document, finding.start, finding.end, expected)],
    finding,
    isPreferred: finding.expected.length === 1
  }))
}

function footnotes(document: TextDocument, finding: Finding, eol: string): QuickFix[] {
  const text = document.getText()
  const label = nextFootnoteNumber(text)
  // The definition goes at the end, after a blank line.
  const gap = text.length === 0 || text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol
  return finding.data.citations.map((citation) => ({
    title: `Insert a footnote citing “${citation.title}” (${citation.date})`,
    edits: [insertAt(document, finding.end, `[^${label}]`), insertAt(document, text.length, `${gap}${footnoteDefinition(label, citation)}${eol}`)],
    finding
  }))
}

function ignoreHere(document: TextDocument, finding: Finding, linted: LintedDocument, eol: string): QuickFix[] {
  const block = blockAt(linted.split, finding.start)
  if (!block) return []
  return [{title: `Ignore this claim here (${finding.ruleId})`, edits: [insertAt(document, block.offset, `<!-- histlint ignore ${finding.ruleId} -->${eol}${eol}`)], finding}]
}

function disableInFile(document: TextDocument, finding: Finding, linted: LintedDocument, eol: string): QuickFix[] {
  const text = document.getText()
  const at = linted.split.bodyStart
  // A blank line on each side keeps the comment its own node.
  const before = at > 0 ? eol : ''
  const after = text.startsWith(eol, at) ? eol : eol + eol
  return [{title: `Disable ${finding.ruleId} in this file`, edits: [insertAt(document, at, `${before}<!-- histlint disable ${finding.ruleId} -->${after}`)], finding}]
}

/** The quick fixes for the findings that overlap [start, end] (offsets). */
export function quickFixes(document: TextDocument, linted: LintedDocument, start: number, end: number): QuickFix[] {
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n'
  const fixes: QuickFix[] = []
  for (const finding of linted.findings) {
    if (finding.end < start || finding.start > end) continue
    fixes.push(...rewordings(document, finding))
    if (linted.syntax !== 'markdown') continue
    fixes.push(...footnotes(document, finding, eol), ...ignoreHere(document, finding, linted, eol), ...disableInFile(document, finding, linted, eol))
  }
  return fixes
}

/** A quick fix as an LSP code action: a versioned edit when the client supports them, so a stale fix is refused. */
export function toCodeAction(fix: QuickFix, document: TextDocument, versionedEdits: boolean): CodeAction {
  const edit = versionedEdits
    ? {documentChanges: [{textDocument: {uri: document.uri, version: document.version}, edits: [...fix.edits]}]}
    : {changes: {[document.uri]: [...fix.edits]}}
  const action: CodeAction = {title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toDiagnostic(fix.finding, document)], edit}
  if (fix.isPreferred) action.isPreferred = true
  return action
}
