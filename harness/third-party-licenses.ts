// Writes dist/licenses.txt: the licence of every package the bundle carries, read from the source
// maps, which list every bundled source file and so name every package.
// It also drops the maps' sourcesContent: stack traces (NODE_OPTIONS=--enable-source-maps) need only
// the mappings and the file names, and the sources' text made index.js.map some 7 MB to commit.
//
// Usage: node harness/third-party-licenses.ts dist

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const dist = resolve(process.argv[2] ?? 'dist')
const maps = readdirSync(dist).filter(name => name.endsWith('.js.map'))
if (!maps.length) throw new Error(`no source map in ${dist}: build with a source map`)

/** The package directory that holds a source file: up to the last node_modules/(@scope/)name. */
function packageDir(source: string): string | undefined {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(source)
  return match?.[1]
}

const dirs = new Set<string>()
for (const map of maps) {
  const path = join(dist, map)
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; sourcesContent?: unknown }
  delete parsed.sourcesContent
  writeFileSync(path, JSON.stringify(parsed))
  // Relative to the map's directory, dist/.
  for (const source of parsed.sources) {
    const dir = packageDir(resolve(dist, source))
    if (dir) dirs.add(dir)
  }
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i
const entries = [...dirs].map(dir => {
  const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string
  }
  const file = readdirSync(dir).find(entry => LICENSE_FILE.test(entry))
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file in the package; package.json: ${license})`
  return { id: `${name}@${version}`, license: license ?? 'UNKNOWN', text }
})

// One entry per name and version: a package nested under two others is bundled, and listed, once.
const unique = [...new Map(entries.map(entry => [entry.id, entry])).values()].sort((a, b) => a.id.localeCompare(b.id))
const out = join(dist, 'licenses.txt')
writeFileSync(out, unique.map(({ id, license, text }) => `${id}\n${license}\n${text}\n`).join('\n'))
process.stdout.write(`${out}: ${unique.length} packages\n`)
