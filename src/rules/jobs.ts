// Jobs still running (labeling projects included) block the move: the workspace must be idle.

import type { Rule } from './finding.js'
import { azMl, count, describe, isAre } from './format.js'
import { sameText } from './resource-ids.js'

// JobStatus, API 2022-10-01: NotStarted, Starting, Provisioning, Preparing, Queued, Running, Finalizing,
// CancelRequested, Completed, Failed, Canceled, NotResponding, Paused, Unknown. Only the three below are
// final. NotResponding can return to any earlier state; CancelRequested and Finalizing are still working;
// Paused is how a labeling project waits, and it can resume; Unknown proves nothing. Treating a job as
// active when unsure costs a rerun, while moving a busy workspace is not supported.
const TERMINAL = ['Completed', 'Failed', 'Canceled']

export function isTerminalJobStatus(status: string): boolean {
  return TERMINAL.some(terminal => sameText(terminal, status))
}

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
        `Wait for them to finish, or cancel them: ${azMl('job cancel', context.sourceWorkspaceId)}` +
        (labeling ? '. Complete or delete the labeling projects in Azure Machine Learning studio (Data Labeling).' : '.')
    }
  ]
}
