/** histlint's API: the retext plugin, the pipelines, the rule loader and the citation helpers. */
export {default as retextHistlint, findClaims, source, type HistlintOptions, type HistlintMessageData} from './plugin.js'
export {createProcessor, lintFile, lintText, syntaxOf, type Syntax} from './pipeline/processor.js'
export {loadRuleSet, loadRule, RuleFileError, defaultRulesDir} from './rules/load.js'
export type {Rule, RuleSet, EvidenceDocument, Severity, SeveritySetting, Verdict} from './rules/types.js'
export {formatCitation, toCitation, type Citation} from './evidence/citation.js'
export {formatReference, footnoteFor, shortReference, bibliographyStyles, defaultStyle, type BibliographyStyle, type Footnote, type ReferenceFields} from './evidence/bibliography.js'
export {isSentenceCited, remarkCitationMarks, citationMarks, hasReferenceText, type CitationMarks} from './evidence/cited.js'
export {loadConfigFor, lintWithConfig, applyControls, ConfigError, type ResolvedConfig, type LoadConfigOptions, type HistlintConfig} from './config/index.js'
