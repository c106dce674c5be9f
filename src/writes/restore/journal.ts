// The restore journal: the restore plan, written before the move is sent, for a later run to
// finish the restore once the old scope (and its role assignments) is gone. It holds IDs only,
// never a secret. Two copies: a file at restore-journal (what a self-hosted runner or a cache step
// keeps), and, on GitHub's runners, a workflow artifact per attempt, which a re-run of the same
// workflow run finds by itself while the file went with the machine.

import * as core from '@actions/core'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { sameText } from '../../azure/ids.js'
import type { RestorePlan } from '../../rules/restore.js'
import type { Settings } from '../../settings.js'

interface Journal {
  schemaVersion: 1
  writtenAt: string
  /** Set once a restore finished every step: its quiesce is then no earlier attempt's to finish. */
  finishedAt?: string
  plan: RestorePlan
}

/** Where each copy went, for the report. */
export interface JournalCopies {
  file: string
  /** The artifact's name; undefined where the runner offers no artifact storage (local runs). */
  artifact?: string
}

type Where = Pick<Settings, 'restoreJournal' | 'source' | 'target'>

/** Loaded only when a journal goes to or comes from an artifact: the client is most of the bundle's weight. */
async function artifactClient() {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}

/** The results service the artifact client talks to: set by GitHub's runners, absent elsewhere. */
const artifactsAvailable = () => Boolean(process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL)

const artifactPrefix = (workspace: string) => `azureml-move-journal-${workspace.replace(/[^A-Za-z0-9_-]/g, '_')}-attempt-`

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}

/** One artifact per attempt (a name is written once in a run): the upload is the journal file under that name. */
async function uploadJournal(text: string, workspace: string): Promise<string> {
  const name = `${artifactPrefix(workspace)}${process.env.GITHUB_RUN_ATTEMPT || '1'}.json`
  const dir = await mkdtemp(join(tmpdir(), 'azureml-move-journal-'))
  try {
    await writeFile(join(dir, name), text)
    await (await artifactClient()).uploadArtifact(name, [join(dir, name)], dir, { skipArchive: true })
    return name
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function writeJournal({ restoreJournal, source }: Where, plan: RestorePlan): Promise<JournalCopies> {
  const journal: Journal = { schemaVersion: 1, writtenAt: new Date().toISOString(), plan }
  const text = JSON.stringify(journal, null, 2) + '\n'
  await writeAtomically(restoreJournal, text)
  return { file: restoreJournal, artifact: artifactsAvailable() ? await uploadJournal(text, source.name) : undefined }
}

/** The latest attempt's journal among the workflow run's artifacts; undefined when there is none. */
async function downloadJournal(workspace: string): Promise<string | undefined> {
  const client = await artifactClient()
  const prefix = artifactPrefix(workspace)
  const attempt = (name: string) => Number(name.slice(prefix.length).replace(/\.json$/, ''))
  const [latest] = (await client.listArtifacts({ latest: true })).artifacts
    .filter(a => a.name.startsWith(prefix) && Number.isInteger(attempt(a.name)))
    .sort((a, b) => attempt(b.name) - attempt(a.name))
  if (!latest) return undefined
  const dir = await mkdtemp(join(tmpdir(), 'azureml-move-journal-'))
  try {
    await client.downloadArtifact(latest.id, { path: dir, skipDecompress: true })
    core.info(`Restore journal read from the artifact ${latest.name}.`)
    return await readFile(join(dir, latest.name), 'utf8')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** The file, marked finished: a later move of the same workspace (a self-hosted runner keeps the file) starts afresh. */
export async function markJournalFinished({ restoreJournal }: Where): Promise<void> {
  const text = await readText(restoreJournal)
  if (text === undefined) return
  const journal = JSON.parse(text) as Journal
  await writeAtomically(restoreJournal, JSON.stringify({ ...journal, finishedAt: new Date().toISOString() }, null, 2) + '\n')
}

/**
 * The plan an earlier run wrote for this same move: the file, else the run's latest artifact;
 * undefined when neither is there, or, with `unfinished`, when that restore finished.
 */
export async function readJournal(
  { restoreJournal, source, target }: Where,
  { unfinished = false } = {}
): Promise<RestorePlan | undefined> {
  const text = (await readText(restoreJournal)) ?? (artifactsAvailable() ? await downloadJournal(source.name) : undefined)
  if (text === undefined) return undefined
  const journal = JSON.parse(text) as Partial<Journal>
  if (unfinished && journal.finishedAt) return undefined
  const plan = journal.plan
  if (journal.schemaVersion !== 1 || !plan) throw new Error(`${restoreJournal} is not a restore journal of this action`)
  if (!sameText(plan.sourceWorkspaceId, source.id) || !sameText(plan.targetWorkspaceId, target.id)) {
    throw new Error(`The restore journal is of another move (${plan.sourceWorkspaceId} → ${plan.targetWorkspaceId})`)
  }
  return plan
}
