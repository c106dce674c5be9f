// The emulator's process-wide state (URLs, signing keys, record, faults) and the replaceable
// "world" of one loaded scenario (its store and running operations).

import { MlOperations } from './arm/ml-operations.ts'
import { Operations } from './arm/operations.ts'
import { Store } from './arm/store.ts'
import type { Faults } from './faults.ts'
import type { SigningKey } from './jwt.ts'
import type { Recorder } from './recorder.ts'
import type { Scenario } from './scenario.ts'
import { loadScenario } from './scenario.ts'
import type { IssueComment } from './types.ts'
import type { Artifact } from './github-artifacts.ts'

export interface Urls {
  github: string
  entra: string
  arm: string
}

export interface World {
  scenario: Scenario
  store: Store
  operations: Operations
  /** Machine Learning's compute and endpoint operations (their timers run on `operations`). */
  mlOperations: MlOperations
  /** Pull-request comments the GitHub REST API holds. */
  comments: IssueComment[]
  /** Workflow artifacts the results service holds (github-artifacts.ts). */
  artifacts: Artifact[]
}

export interface Emulator {
  urls: Urls
  keys: { github: SigningKey; entra: SigningKey }
  /** The bearer token GitHub's OIDC endpoint requires (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  idTokenRequestToken: string
  /** The job's ACTIONS_RUNTIME_TOKEN, which the artifact service requires. */
  runtimeToken: string
  /** --latency-ms, which overrides the scenario's latencyMs. */
  latencyOverride?: number
  recorder: Recorder
  faults: Faults
  world: World
}

export function createWorld(scenario: Scenario): World {
  return {
    scenario,
    store: new Store(scenario),
    operations: new Operations(),
    mlOperations: new MlOperations(),
    comments: [],
    artifacts: []
  }
}

/** Replaces the world with a fresh load of a scenario: new state, empty record, the scenario's faults. */
export function reload(emu: Emulator, nameOrPath: string): void {
  const world = createWorld(loadScenario(nameOrPath))
  emu.faults.replace(world.scenario.faults)
  emu.world.operations.dispose()
  emu.world = world
  emu.recorder.clear()
}

export function latencyMs(emu: Emulator): number {
  return emu.latencyOverride ?? emu.world.scenario.latencyMs
}
