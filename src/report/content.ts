// The workspace content table of the Azure ML move documentation, with live counts.

import type { ContentCounts } from '../inventory/inventory.js'

export interface ContentRow {
  what: string
  count: number
  moves: boolean
  note: string
}

export function contentRows(counts: ContentCounts): ContentRow[] {
  return [
    {
      what: 'Datastores',
      count: counts.datastores,
      moves: true,
      note: 'Non-default datastores keep their credentials: update them after the move.'
    },
    { what: 'Experiment jobs', count: counts.jobs, moves: true, note: 'History and outputs move with the workspace.' },
    { what: 'Environments', count: counts.environments, moves: true, note: '' },
    { what: 'Models and other assets', count: counts.models, moves: true, note: 'Count of registered models.' },
    {
      what: 'Data assets (datasets)',
      count: counts.dataAssets,
      moves: false,
      note: 'Register them again in the moved workspace.'
    },
    {
      what: 'Compute resources',
      count: counts.computes,
      moves: false,
      note: 'Deleted (attached ones detached) before the move, created again after it: by hand, or by the action (restore: computes, compute-instances).'
    },
    {
      what: 'Online endpoints',
      count: counts.onlineEndpoints,
      moves: false,
      note: 'Deleted before the move, redeployed after it (scoring stops in between): by hand, or by the action (restore: endpoints).'
    },
    {
      what: 'Batch endpoints',
      count: counts.batchEndpoints,
      moves: false,
      note: 'Deleted before the move, redeployed after it: by hand, or by the action (restore: endpoints).'
    }
  ]
}
