// The layout's promise, read off the imports: src/ runs as the pipeline does, every import points
// to the same stage or an earlier one, and no module imports itself round a circle.

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve('src')

/** Each module's stage, by path prefix; the first prefix that matches wins. */
const STAGES: Array<[prefix: string, stage: number]> = [
  ['settings.ts', 0],
  ['clouds.ts', 0],
  ['trigger.ts', 0],
  ['cancellation.ts', 0],
  ['quote.ts', 0],
  ['azure/ids.ts', 0],
  ['inputs.ts', 1],
  ['azure/', 1],
  ['auth/', 2],
  ['inventory/', 3],
  ['rules/', 4],
  ['approval/', 5],
  ['writes/', 5],
  ['report/', 6],
  ['stages/', 7],
  ['pipeline.ts', 7],
  ['main.ts', 8],
  ['index.ts', 9]
]

function stageOf(module: string): number {
  const match = STAGES.find(([prefix]) => module.startsWith(prefix))
  if (!match) throw new Error(`${module} has no stage: add it to STAGES`)
  return match[1]
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? modules(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
  )
}

/** The relative imports of a module, as paths under src/ (`import type` included: types are layout too). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  return [...source.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map(([, path]) =>
    relative(ROOT, resolve(dirname(file), path.replace(/\.js$/, '.ts')))
  )
}

const graph = new Map(modules(ROOT).map(file => [relative(ROOT, file), importsOf(file)]))

describe('the layout of src/', () => {
  it('imports only from the same stage or an earlier one', () => {
    const upward = [...graph].flatMap(([module, imports]) =>
      imports.filter(target => stageOf(target) > stageOf(module)).map(target => `${module} → ${target}`)
    )
    expect(upward).toEqual([])
  })

  it('has no import circle', () => {
    const circles: string[] = []
    const done = new Set<string>()
    const visit = (module: string, path: string[]) => {
      if (path.includes(module)) {
        circles.push([...path.slice(path.indexOf(module)), module].join(' → '))
        return
      }
      if (done.has(module)) return
      for (const target of graph.get(module) ?? []) visit(target, [...path, module])
      done.add(module)
    }
    for (const module of graph.keys()) visit(module, [])
    expect(circles).toEqual([])
  })

  it('has no circle between folders either (a top-level file counts as a folder of its own)', () => {
    const folderOf = (module: string) => module.split('/')[0]
    const folders = new Map<string, Set<string>>()
    for (const [module, imports] of graph) {
      const from = folderOf(module)
      const targets = folders.get(from) ?? new Set<string>()
      for (const target of imports) if (folderOf(target) !== from) targets.add(folderOf(target))
      folders.set(from, targets)
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(folders.get(from) ?? [])].some(next => next === to || (!seen.has(next) && reaches(next, to, seen.add(next))))
    const circles = [...folders.keys()].filter(folder => reaches(folder, folder))
    expect(circles).toEqual([])
  })

  it('never imports the emulator', () => {
    const fromEmulator = [...graph].filter(([, imports]) => imports.some(target => target.startsWith('..')))
    expect(fromEmulator.map(([module]) => module)).toEqual([])
  })
})
