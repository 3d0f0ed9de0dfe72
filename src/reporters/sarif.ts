/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF
 * viewers. One run; the driver lists every rule in use with its claim, what
 * the documents show, its page and default level; each result has a relative
 * location (resolved against %SRCROOT%, the checkout), the citations in
 * `properties`, and a line-independent fingerprint. No `$schema` link: the
 * property is optional, and every URL histlint prints is a catalogue document.
 */
import type {Log, ReportingDescriptor, Result} from 'sarif'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {formatCitation, ruleCitations} from '../evidence/citation.js'
import {commentRuleId} from '../config/controls.js'
import {repositoryUrl, ruleDocsUrl} from '../docs/urls.js'
import type {Rule, Severity} from '../rules/types.js'
import {version} from '../cli/version.js'
import {reportPath, type ReportContext} from './context.js'
import {fingerprintKey, fingerprintsOf} from './fingerprint.js'
import {toJsonMessage} from './json.js'


const levels: Record<Severity, Result.level> = {error: 'error', warning: 'warning', info: 'note'}

const verdictLabel: Record<Rule['verdict'], string> = {
  contradicted: 'Contradicted claim',
  contested: 'Contested claim',
  supported: 'Claim that needs a citation'
}

function ruleDescriptor(rule: Rule, context: ReportContext): ReportingDescriptor {
  const helpUri = ruleDocsUrl(rule, context.documents)
  const citations = ruleCitations(rule, {rules: [], documents: context.documents})
  return {
    id: rule.id,
    shortDescription: {text: `${verdictLabel[rule.verdict]}: ${rule.claim}`},
    fullDescription: {text: `${verdictLabel[rule.verdict]}: ${rule.claim}. The documents show ${rule.shows}.`},
    ...(helpUri ? {helpUri} : {}),
    help: {text: ['Documents:', ...citations.map((c) => `- ${formatCitation(c)}`)].join('\n')},
    defaultConfiguration: {level: levels[rule.severity]},
    properties: {verdict: rule.verdict, documents: [...rule.documents]}
  }
}

const commentDescriptor: ReportingDescriptor = {
  id: commentRuleId,
  shortDescription: {text: 'A histlint control comment that cannot be applied'},
  fullDescription: {text: 'A <!-- histlint disable|enable|ignore --> comment names a rule histlint does not know, or uses an unknown keyword.'},
  ...(repositoryUrl ? {helpUri: `${repositoryUrl}/blob/main/docs/configuration.md#inline-comments`} : {}),
  defaultConfiguration: {level: 'warning'}
}

function toResult(file: VFile, message: VFileMessage, fingerprint: string, ruleIndex: Map<string, number>, cwd: string): Result {
  const json = toJsonMessage(message)
  const region =
    json.line !== null
      ? {
          startLine: json.line,
          ...(json.column !== null ? {startColumn: json.column} : {}),
          ...(json.endLine !== null ? {endLine: json.endLine} : {}),
          ...(json.endColumn !== null ? {endColumn: json.endColumn} : {})
        }
      : undefined
  const index = json.ruleId !== null ? ruleIndex.get(json.ruleId) : undefined
  return {
    ...(json.ruleId !== null ? {ruleId: json.ruleId} : {}),
    ...(index !== undefined ? {ruleIndex: index} : {}),
    level: levels[json.severity],
    message: {text: json.message},
    locations: [{physicalLocation: {artifactLocation: {uri: encodeURI(reportPath(file, cwd)), uriBaseId: '%SRCROOT%'}, ...(region ? {region} : {})}}],
    partialFingerprints: {[fingerprintKey]: fingerprint},
    properties: {...(json.url ? {url: json.url} : {}), citations: [...json.citations]}
  }
}

export function toSarif(files: readonly VFile[], context: ReportContext): Log {
  const rules = [...context.rules.values()].sort((a, b) => a.id.localeCompare(b.id)).map((rule) => ruleDescriptor(rule, context))
  if (files.some((file) => file.messages.some((m) => m.ruleId === commentRuleId))) rules.push(commentDescriptor)
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const results = files.flatMap((file) => {
    const fingerprints = fingerprintsOf(file)
    return file.messages.map((message) => toResult(file, message, fingerprints.get(message) ?? '', ruleIndex, context.cwd))
  })
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'histlint', version, ...(repositoryUrl ? {informationUri: repositoryUrl} : {}), rules}},
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

export function reportSarif(files: readonly VFile[], context: ReportContext): string {
  return JSON.stringify(toSarif(files, context), null, 2) + '\n'
}
