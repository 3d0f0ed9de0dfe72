/** Turn linted files into the text of the chosen output format. */
import type {VFile} from 'vfile'
import type {ReportContext} from '../reporters/context.js'
import {reportGithub} from '../reporters/github.js'
import {reportGitlab} from '../reporters/gitlab.js'
import {reportJson} from '../reporters/json.js'
import {reportJunit} from '../reporters/junit.js'
import {reportSarif} from '../reporters/sarif.js'
import {reportStylish, type StylishOptions} from '../reporters/stylish.js'
import type {Format} from './options.js'

export function formatReport(format: Format, files: readonly VFile[], context: ReportContext, stylish: StylishOptions): string {
  switch (format) {
    case 'json':
      return reportJson(files)
    case 'sarif':
      return reportSarif(files, context)
    case 'github':
      return reportGithub(files, context)
    case 'gitlab':
      return reportGitlab(files, context)
    case 'junit':
      return reportJunit(files, context)
    case 'stylish':
      return reportStylish(files, stylish, context)
  }
}
