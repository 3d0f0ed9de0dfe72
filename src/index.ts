/** histlint's API: the retext plugin, the pipelines, the rule loader and the citation helpers. */
export {default as retextHistlint, findClaims, source, type HistlintOptions, type HistlintMessageData} from './plugin.js'
export {createProcessor, lintFile, lintText, syntaxOf, type Syntax} from './pipeline/processor.js'
export {UnlintableInputError, maxNestingDepth} from './pipeline/guard.js'
export {maxInputBytes} from './io/read.js'
export {loadRuleSet, loadRule, RuleFileError, defaultRulesDir} from './rules/load.js'
export type {Rule, RuleSet, EvidenceDocument, Severity, SeveritySetting, Verdict} from './rules/types.js'
export {formatCitation, toCitation, type Citation} from './evidence/citation.js'
