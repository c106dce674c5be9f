// What every restore step shares: one item's outcome from an ARM error, and a step's report from its items.

import * as core from '@actions/core'
import { classify } from '../../azure/arm-error.js'
import { RESTORE_ACTIONS, type RestoreItem, type RestoreStepName, type RestoreStepReport } from '../../rules/restore.js'

export function failedItem(what: string, error: unknown): RestoreItem {
  const { code, status } = classify(error)
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
  return { what, status: 'failed', detail: `${code ?? status ?? 'Error'}: ${message}` }
}

const FAILED: ReadonlyArray<RestoreItem['status']> = ['failed', 'not-found']

/** Logs each item as it is reported, so the log says what the summary says. */
export function stepReport(step: RestoreStepName, items: RestoreItem[], fix: string): RestoreStepReport {
  const failed = items.some(item => FAILED.includes(item.status))
  for (const item of items) {
    const line = `${step}: ${item.what}: ${item.status}${item.detail ? ` (${item.detail})` : ''}`
    if (FAILED.includes(item.status)) core.warning(line)
    else core.info(line)
  }
  return {
    step,
    status: failed ? 'failed' : 'done',
    needs: step === 'workspace-references' || step === 'rollback' ? [] : RESTORE_ACTIONS[step],
    items,
    ...(failed ? { fix } : {})
  }
}
