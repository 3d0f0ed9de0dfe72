/**
 * Findings as LSP diagnostics, the way unified-language-server maps vfile
 * messages: rule id → code, the main document's page → codeDescription.href,
 * fatal true/false/undefined → Error/Warning/Information, the sentence → range.
 */
import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {source} from '../plugin.js'
import type {Finding} from './lint.js'

export function severityOf(fatal: boolean | undefined): DiagnosticSeverity {
  return fatal === true ? DiagnosticSeverity.Error : fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information
}

export function rangeOf(finding: Pick<Finding, 'start' | 'end'>, document: TextDocument): Range {
  return {start: document.positionAt(finding.start), end: document.positionAt(finding.end)}
}

export function toDiagnostic(finding: Finding, document: TextDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(finding, document),
    severity: severityOf(finding.fatal),
    code: finding.ruleId,
    source,
    message: finding.reason
  }
  if (finding.url) diagnostic.codeDescription = {href: finding.url}
  return diagnostic
}
