/** histlint's configuration: discovery, parsing, and applying settings to linted files. */
export {loadConfigFor, clearResolvedConfigs, resolvePack} from './load.js'
export {findConfigFile, clearConfigCache, configNames, packageField} from './find.js'
export {parseConfigFile, severitySettings} from './parse.js'
export {applyControls, applyInlineControl, lintWithConfig, allowlistMatcher, normaliseText, controlName, commentRuleId} from './controls.js'
export {ConfigError, type HistlintConfig, type ResolvedConfig, type LoadConfigOptions} from './types.js'
