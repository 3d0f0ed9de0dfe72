/**
 * A `--jobs` worker thread (started by LintPool in src/cli/parallel.ts): lints
 * the essays it takes from the shared job exactly as the main thread would
 * (lintEssay, with the config loadConfigFor finds for each essay under the
 * CLI's options) and posts their messages back.
 */
import path from 'node:path'
import {loadConfigFor} from '../config/load.js'
import {lintEssay, postable, type EssayJob} from './lint-essay.js'
import {serveShare} from './parallel.js'

serveShare<EssayJob>(async (job, index) => {
  const essay = job.essays[index]
  if (!essay) throw new Error(`no essay ${index} in the job`)
  const config = loadConfigFor(path.resolve(job.cwd, essay.path), job.config)
  return postable(await lintEssay(essay.path, essay.text, job.cwd, config))
})
