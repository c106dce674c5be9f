// The README and the example workflows must not drift from action.yml.

import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, unknown>
}
const action = parse(readFileSync('action.yml', 'utf8')) as ActionYaml
const readme = readFileSync('README.md', 'utf8')

/** Rows of the README table under a heading: the first cell of each, without backticks. */
function tableNames(heading: string): string[] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter(line => /^\| `/.test(line))
    .map(line => line.split('|')[1].trim().replace(/`/g, ''))
}

describe('README', () => {
  it('lists exactly the inputs of action.yml, in its order', () => {
    expect(tableNames('Inputs')).toEqual(Object.keys(action.inputs))
  })

  it('lists exactly the outputs of action.yml', () => {
    expect(tableNames('Outputs')).toEqual(Object.keys(action.outputs))
  })

  it('names in its Reliability table every reliability test file, and only files that exist', () => {
    const section = readme.split('\n## Reliability\n')[1].split('\n## ')[0]
    const named = new Set([...section.matchAll(/`([\w-]+\.test\.ts)`/g)].map(m => m[1]))
    const files = readdirSync('__tests__/e2e/reliability').filter(f => f.endsWith('.test.ts'))
    expect([...named].sort()).toEqual(files.sort())
  })

  it('gives each input the default action.yml gives it', () => {
    const section = readme.split('\n## Inputs\n')[1].split('\n## ')[0]
    for (const [name, input] of Object.entries(action.inputs)) {
      const row = section.split('\n').find(line => line.startsWith(`| \`${name}\` |`))!
      const cells = row.split('|').map(c => c.trim())
      const expected = input.default === undefined || input.default === '' ? '' : `\`${input.default}\``
      if (expected) expect(cells[3]).toBe(expected)
    }
  })
})

describe('example workflows', () => {
  const files = readdirSync('examples').filter(f => f.endsWith('.yml'))

  it('are there: one step, the promotion flow, a matrix', () => {
    expect(files.sort()).toEqual(['matrix.yml', 'one-step.yml', 'promotion.yml'])
  })

  it.each(files)('%s parses and uses only declared inputs, with every required one', file => {
    const workflow = parse(readFileSync(`examples/${file}`, 'utf8')) as {
      on: unknown
      jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>
    }
    expect(workflow.on).toBeDefined()
    const steps = Object.values(workflow.jobs).flatMap(job =>
      job.steps.filter(step => step.uses?.includes('azureml-workspace-move'))
    )
    expect(steps.length).toBeGreaterThan(0)
    const required = Object.entries(action.inputs)
      .filter(([, i]) => i.required)
      .map(([name]) => name)
    for (const step of steps) {
      const used = Object.keys(step.with ?? {})
      expect(used.filter(name => !(name in action.inputs))).toEqual([])
      expect(required.filter(name => !used.includes(name))).toEqual([])
    }
  })
})

describe('troubleshooting table', () => {
  it('has a row for every ARM code the action gives a hint for', async () => {
    const { HINTED_CODES } = await import('../../src/rules/arm-refusal.js')
    const section = readme.split('\n## Troubleshooting\n')[1].split('\n## ')[0]
    const rows = [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map(m => m[1])
    expect(HINTED_CODES.filter(code => !rows.includes(code))).toEqual([])
  })
})
