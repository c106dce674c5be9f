// Preloaded into the action's process (NODE_OPTIONS=--import) by the large-workspace benchmark:
// at exit, writes the process's peak resident set size in kB to BENCH_PEAK_RSS_FILE.

import { writeFileSync } from 'node:fs'

const file = process.env.BENCH_PEAK_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
