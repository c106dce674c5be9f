import { isTerminalJobStatus } from '../../src/inventory/facts.js'
import { jobsRule } from '../../src/rules/jobs.js'
import { SOURCE_SUB, context, inventory } from './fixture.js'

describe('isTerminalJobStatus', () => {
  it.each(['Completed', 'Failed', 'Canceled', 'completed'])('%s is terminal', status => {
    expect(isTerminalJobStatus(status)).toBe(true)
  })

  it.each([
    'NotStarted',
    'Starting',
    'Provisioning',
    'Preparing',
    'Queued',
    'Running',
    'Finalizing',
    'CancelRequested',
    'NotResponding',
    'Paused',
    'Unknown'
  ])('%s is not terminal', status => {
    expect(isTerminalJobStatus(status)).toBe(false)
  })
})

describe('jobs', () => {
  it('blocks active jobs, naming type and status, and says what to do with labeling projects', () => {
    const inv = inventory({
      activeJobs: [
        { name: 'train-42', displayName: 'train', jobType: 'Command', status: 'Running' },
        { name: 'label-cats', jobType: 'Labeling', status: 'Paused' }
      ]
    })
    expect(jobsRule(inv, context())).toEqual([
      {
        rule: 'jobs',
        severity: 'blocker',
        title: '2 jobs are not finished; the workspace must be idle during the move',
        items: ['train-42 (Command, Running)', 'label-cats (Labeling, Paused)'],
        fix: 'Wait for them to finish, or cancel them. Complete or delete the labeling projects in Azure Machine Learning studio (Data Labeling).',
        // Labeling projects are completed in the studio, not cancelled.
        commands: [`az ml job cancel --name train-42 --workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}`]
      }
    ])
  })

  it('leaves labeling projects out of the fix when there are none', () => {
    const inv = inventory({ activeJobs: [{ name: 'sweep-1', jobType: 'Sweep', status: 'Queued' }] })
    expect(jobsRule(inv, context())[0]).toMatchObject({
      title: '1 job is not finished; the workspace must be idle during the move',
      fix: 'Wait for them to finish, or cancel them.',
      commands: [`az ml job cancel --name sweep-1 --workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}`]
    })
  })

  it('passes a workspace without active jobs', () => {
    expect(jobsRule(inventory(), context())).toEqual([])
  })
})
