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

interface Step {
  id?: string
  uses?: string
  if?: string
  with?: Record<string, unknown>
}
interface Job {
  if?: string
  needs?: string
  environment?: string
  concurrency?: { group?: string }
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const isThisAction = (step: Step) => step.uses?.includes('azureml-workspace-move') ?? false

/** The workflow's steps of this action, after checking that they use only declared inputs, and every required one. */
function actionSteps(workflow: Workflow): Step[] {
  expect(workflow.on).toBeDefined()
  const steps = Object.values(workflow.jobs).flatMap(job => job.steps.filter(isThisAction))
  expect(steps.length).toBeGreaterThan(0)
  const required = Object.entries(action.inputs)
    .filter(([, i]) => i.required)
    .map(([name]) => name)
  for (const step of steps) {
    const used = Object.keys(step.with ?? {})
    expect(used.filter(name => !(name in action.inputs))).toEqual([])
    expect(required.filter(name => !used.includes(name))).toEqual([])
  }
  return steps
}

const FORK_GUARD = 'github.event.pull_request.head.repo.full_name == github.repository'

describe('example workflows', () => {
  const files = readdirSync('examples').filter(f => f.endsWith('.yml'))
  const read = (file: string) => parse(readFileSync(`examples/${file}`, 'utf8')) as Workflow

  it('are there: one step, the promotion flow, a matrix', () => {
    expect(files.sort()).toEqual(['matrix.yml', 'one-step.yml', 'promotion.yml'])
  })

  it.each(files)('%s parses and uses only declared inputs, with every required one', file => {
    actionSteps(read(file))
  })

  describe('promotion.yml: plan → approve → apply', () => {
    const { on, jobs } = read('promotion.yml')
    const step = (job: string) => jobs[job].steps.find(isThisAction)!.with!

    it('plans on the pull request with the planner, forks skipped, and comments', () => {
      expect(Object.keys(on)).toEqual(['pull_request', 'push'])
      expect(jobs.review.if).toContain(FORK_GUARD)
      expect(jobs.review.permissions).toMatchObject({ 'id-token': 'write', 'pull-requests': 'write' })
      expect(step('review')).toMatchObject({
        mode: 'dry-run',
        validate: false,
        'client-id': '${{ vars.AZURE_PLANNER_CLIENT_ID }}'
      })
    })

    it('after the merge, plans again for the approver, then moves with the mover in the production environment', () => {
      expect(jobs.plan.if).toBe("github.event_name == 'push'")
      expect(jobs.plan.environment).toBeUndefined()
      expect(jobs.plan.outputs).toEqual({ 'plan-digest': '${{ steps.plan.outputs.plan-digest }}' })
      expect(jobs.move).toMatchObject({
        needs: 'plan',
        environment: 'production',
        concurrency: { group: 'azureml-move-ml-test-rg' }
      })
      expect(jobs.move.permissions).toMatchObject({ 'id-token': 'write', 'pull-requests': 'read' })
      expect(step('move')).toMatchObject({
        mode: 'move',
        'client-id': '${{ vars.AZURE_MOVER_CLIENT_ID }}',
        'require-approved-plan': true,
        'approved-plan-digest': '${{ needs.plan.outputs.plan-digest }}'
      })
      expect(
        jobs.move.steps.some(
          s => s.uses?.startsWith('actions/upload-artifact') && s.with?.path === '${{ steps.move.outputs.report-path }}'
        )
      ).toBe(true)
    })

    it('gives every job the same inputs that are part of the plan, so an unchanged workspace passes', () => {
      const planned = [
        'workspace-id',
        'target-subscription-id',
        'target-resource-group',
        'create-target-resource-group',
        'register-providers',
        'include-associated-resources'
      ]
      const pick = (job: string) => planned.map(name => step(job)[name])
      expect(pick('plan')).toEqual(pick('review'))
      expect(pick('move')).toEqual(pick('review'))
    })
  })
})

describe('README quick start', () => {
  const section = readme.split('\n## Quick start\n')[1].split('\n## ')[0]
  const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(section)![1]) as Workflow & { name?: string }

  it('is a complete workflow: a trigger, the permissions it needs, the fork guard', () => {
    expect(workflow.name).toBeDefined()
    expect(Object.keys(workflow.on)).toEqual(['pull_request'])
    expect(workflow.permissions).toEqual({ 'id-token': 'write', contents: 'read', 'pull-requests': 'write' })
    const [job] = Object.values(workflow.jobs)
    expect(job.if).toBe(FORK_GUARD)
    expect(actionSteps(workflow)).toHaveLength(1)
  })

  it('names the published action by its major tag', () => {
    expect(actionSteps(workflow)[0].uses).toBe('contoso/azureml-workspace-move@v1')
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
