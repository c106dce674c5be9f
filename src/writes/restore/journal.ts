// The restore journal: the restore plan, written before the move is sent, for a later run to
// finish the restore once the old scope (and its role assignments) is gone. A JSON file at a path
// the user controls (restore-journal); it holds IDs only, never a secret.

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { sameText } from '../../azure/ids.js'
import type { RestorePlan } from '../../rules/restore.js'

interface Journal {
  schemaVersion: 1
  writtenAt: string
  plan: RestorePlan
}

/** Written whole or not at all: a temporary file renamed over the journal. */
export async function writeJournal(path: string, plan: RestorePlan): Promise<void> {
  const journal: Journal = { schemaVersion: 1, writtenAt: new Date().toISOString(), plan }
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify(journal, null, 2) + '\n')
  await rename(temporary, path)
}

/** The plan an earlier run wrote for this same move; undefined when there is none. */
export async function readJournal(
  path: string,
  sourceWorkspaceId: string,
  targetWorkspaceId: string
): Promise<RestorePlan | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const journal = JSON.parse(text) as Partial<Journal>
  const plan = journal.plan
  if (journal.schemaVersion !== 1 || !plan) throw new Error(`${path} is not a restore journal of this action`)
  if (!sameText(plan.sourceWorkspaceId, sourceWorkspaceId) || !sameText(plan.targetWorkspaceId, targetWorkspaceId)) {
    throw new Error(`${path} is the journal of another move (${plan.sourceWorkspaceId} → ${plan.targetWorkspaceId})`)
  }
  return plan
}
