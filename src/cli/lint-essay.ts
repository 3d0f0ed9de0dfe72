/**
 * Lint one essay the way the CLI does, on whichever thread: its config's
 * rules, severities, inline comments and allowlist (lintWithConfig), and a
 * refusal (too deeply nested, …) as a reason instead of a throw. The main
 * thread and the `--jobs` workers both call lintEssay, so a file's messages
 * do not depend on where it was linted.
 *
 * Also the wire format between them: a worker posts a file's messages as
 * plain objects (every field of each VFileMessage, so every report format
 * reads the same values) and the main thread rebuilds the VFile.
 */
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {lintWithConfig} from '../config/controls.js'
import type {LoadConfigOptions, ResolvedConfig} from '../config/types.js'
import {UnlintableInputError} from '../pipeline/guard.js'

/** A linted essay, or why histlint refused it (the CLI prints the reason, exit 2). */
export type LintedEssay = {readonly file: VFile} | {readonly unlintable: string}

/** A linted essay as it crosses between threads: the messages' fields, not the messages. */
export type PostedEssay = {readonly messages: readonly Record<string, unknown>[]} | {readonly unlintable: string}

export async function lintEssay(filePath: string | undefined, text: string, cwd: string, config: ResolvedConfig): Promise<LintedEssay> {
  const file = new VFile({path: filePath, value: text, cwd})
  try {
    await lintWithConfig(file, config)
  } catch (error) {
    if (!(error instanceof UnlintableInputError)) throw error
    return {unlintable: error.message}
  }
  return {file}
}

/** What a worker posts back for one essay. */
export function postable(linted: LintedEssay): PostedEssay {
  if ('unlintable' in linted) return linted
  // A message's `ancestors` are syntax tree nodes (the stylish report's `[trace]` lists their
  // types and positions): they travel without their children, which would drag whole subtrees along.
  return {messages: linted.file.messages.map(({ancestors, ...fields}) => (ancestors ? {...fields, ancestors: ancestors.map(withoutChildren)} : fields))}
}

function withoutChildren(node: Node): Node {
  const {children, ...outline} = node as Node & {children?: unknown}
  return outline
}

/** The essay a worker linted, rebuilt in the main thread as the VFile lintEssay would have given there. */
export function rebuilt(posted: PostedEssay, filePath: string, text: string, cwd: string): LintedEssay {
  if ('unlintable' in posted) return posted
  const file = new VFile({path: filePath, value: text, cwd})
  for (const fields of posted.messages) file.messages.push(Object.assign(new VFileMessage(String(fields.reason)), fields))
  return {file}
}

/** What the main thread sends each `--jobs` worker, once: the essays it has read, and how to configure them. */
export interface EssayJob {
  readonly essays: readonly {readonly path: string; readonly text: string}[]
  readonly cwd: string
  readonly config: LoadConfigOptions
}
