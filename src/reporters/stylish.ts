/**
 * `--format stylish`: vfile-reporter's familiar layout, with each message's
 * main document link on the line below it, so a reader can go to the source.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

export interface StylishOptions {
  readonly quiet?: boolean
  readonly color?: boolean
  /** Show each message's note (the full citations). */
  readonly verbose?: boolean
}

export function reportStylish(files: readonly VFile[], options: StylishOptions = {}): string {
  const text = reporter([...files], {quiet: options.quiet, color: options.color, verbose: options.verbose, defaultName: '<stdin>'})
  return text ? text + '\n' : ''
}
