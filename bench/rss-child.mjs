/** Child of the benchmark: `node rss-child.mjs <histlint|parse|alex> <words>` prints peak RSS in KiB after one run. */
import {loadRuleSet} from '../dist/src/index.js'
import * as contenders from './contenders.mjs'
import {generateEssay} from './essays.mjs'

const [name, words] = process.argv.slice(2)
const text = generateEssay(Number(words))
const run = name === 'histlint' ? contenders.histlint(loadRuleSet()) : name === 'parse' ? contenders.parse() : await contenders.alex()
await run(text)
console.log(process.resourceUsage().maxRSS)
