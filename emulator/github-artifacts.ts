// GitHub Actions' artifact storage as @actions/artifact v2+ uses it: the results service's Twirp
// JSON API at ACTIONS_RESULTS_URL (CreateArtifact, FinalizeArtifact, ListArtifacts,
// GetSignedArtifactURL), authorized by ACTIONS_RUNTIME_TOKEN, and the signed blob URLs it hands
// out, where the client stages blocks and commits their list (Azure Blob's Put Block / Put Block
// List) and downloads the whole. Artifacts belong to a workflow run: every attempt lists them all.

import { createHash, randomBytes } from 'node:crypto'
import type { Emulator } from './context.ts'
import type { Reply, Request } from './http.ts'
import { header, json } from './http.ts'

export interface Artifact {
  id: number
  runId: string
  jobId: string
  name: string
  blocks: Map<string, Buffer>
  content?: Buffer
  finalized: boolean
  createdAt: string
  digest?: string
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'
const BLOB = '/_blob/artifacts/'

/** Twirp's error shape. */
const twirpError = (status: number, code: string, msg: string) => json(status, { code, msg })

function signed(emu: Emulator, artifact: Artifact): string {
  return `${emu.urls.github}${BLOB}${artifact.id}?sig=${randomBytes(16).toString('base64url')}`
}

/** Twirp's JSON with proto field names; the fields used here are strings (int64 included). */
type Body = Record<string, string | undefined>

function twirp(emu: Emulator, method: string, body: Body): Reply {
  const artifacts = emu.world.artifacts
  const runId = body.workflow_run_backend_id ?? ''
  const named = (name: string | undefined) => artifacts.find(a => a.runId === runId && a.name === name)
  switch (method) {
    case 'CreateArtifact': {
      if (named(body.name)?.finalized)
        return twirpError(409, 'already_exists', `an artifact named ${body.name} exists in this run`)
      const artifact: Artifact = {
        id: artifacts.length + 1,
        runId,
        jobId: body.workflow_job_run_backend_id ?? '',
        name: body.name ?? '',
        blocks: new Map(),
        finalized: false,
        createdAt: new Date().toISOString()
      }
      artifacts.push(artifact)
      return json(200, { ok: true, signed_upload_url: signed(emu, artifact) })
    }
    case 'FinalizeArtifact': {
      const artifact = named(body.name)
      if (!artifact?.content) return twirpError(404, 'not_found', `no upload for ${body.name}`)
      artifact.finalized = true
      artifact.digest = `sha256:${createHash('sha256').update(artifact.content).digest('hex')}`
      return json(200, { ok: true, artifact_id: String(artifact.id) })
    }
    case 'ListArtifacts': {
      const list = artifacts.filter(
        a =>
          a.runId === runId &&
          a.finalized &&
          (body.name_filter === undefined || a.name === body.name_filter) &&
          (body.id_filter === undefined || String(a.id) === body.id_filter)
      )
      return json(200, {
        artifacts: list.map(a => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.content?.length ?? 0),
          created_at: a.createdAt,
          digest: a.digest
        }))
      })
    }
    case 'GetSignedArtifactURL': {
      const artifact = named(body.name)
      if (!artifact?.finalized) return twirpError(404, 'not_found', `no artifact named ${body.name}`)
      return json(200, { signed_url: signed(emu, artifact) })
    }
  }
  return twirpError(404, 'bad_route', `no handler for ${method}`)
}

/** Put Block, Put Block List and Get Blob on an artifact's signed URL. */
function blob(emu: Emulator, request: Request): Reply {
  const artifact = emu.world.artifacts.find(a => String(a.id) === request.path.slice(BLOB.length))
  if (!artifact || !request.query.get('sig')) return { status: 404, body: '' }
  const created: Reply = { status: 201, headers: { 'x-ms-request-server-encrypted': 'true' } }
  const comp = request.query.get('comp')
  if (request.method === 'PUT' && comp === 'block') {
    artifact.blocks.set(request.query.get('blockid') ?? '', request.raw ?? Buffer.alloc(0))
    return created
  }
  if (request.method === 'PUT' && comp === 'blocklist') {
    const ids = [
      ...(request.raw ?? Buffer.alloc(0)).toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)
    ].map(m => m[1])
    artifact.content = Buffer.concat(ids.map(id => artifact.blocks.get(id) ?? Buffer.alloc(0)))
    return created
  }
  if (request.method === 'GET' && artifact.finalized) {
    return {
      status: 200,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${artifact.name}"` },
      body: artifact.content
    }
  }
  return { status: 400, body: '' }
}

/** The artifact service's answer, or undefined for a request that is not its own. */
export function githubArtifacts(emu: Emulator, request: Request): Reply | undefined {
  if (request.path.startsWith(BLOB)) return blob(emu, request)
  if (!request.path.startsWith(SERVICE)) return undefined
  if (header(request, 'authorization') !== `Bearer ${emu.runtimeToken}`)
    return twirpError(401, 'unauthenticated', 'invalid runtime token')
  return twirp(emu, request.path.slice(SERVICE.length), (request.body ?? {}) as Body)
}
