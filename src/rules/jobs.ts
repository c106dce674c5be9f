// Jobs still running (labeling projects included) block the move: the workspace must be idle.

import { sameText } from '../azure/ids.js'
import type { Rule } from './finding.js'
import { azMl, count, describe, isAre } from './format.js'

export const jobsRule: Rule = ({ activeJobs }, context) => {
  if (!activeJobs.length) return []
  const labeling = activeJobs.some(({ jobType }) => sameText(jobType, 'Labeling'))
  return [
    {
      rule: 'jobs',
      severity: 'blocker',
      title: `${count(activeJobs.length, 'job')} ${isAre(activeJobs.length)} not finished; the workspace must be idle during the move`,
      items: activeJobs.map(({ name, jobType, status }) => describe(name, jobType, status)),
      fix:
        'Wait for them to finish, or cancel them.' +
        (labeling ? ' Complete or delete the labeling projects in Azure Machine Learning studio (Data Labeling).' : ''),
      commands: activeJobs
        .filter(({ jobType }) => !sameText(jobType, 'Labeling'))
        .map(({ name }) => azMl('job cancel', context.sourceWorkspaceId, name))
    }
  ]
}
