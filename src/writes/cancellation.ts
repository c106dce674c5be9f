// The runner cancels a job with SIGINT, then SIGTERM: either one ends the wait (never the move).

export interface Cancellation {
  signal: AbortSignal
  /** The signal's name once one arrived. */
  received?: string
  dispose(): void
}

export function listenForCancellation(): Cancellation {
  const controller = new AbortController()
  const state: Cancellation = {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
  function onSignal(name: NodeJS.Signals): void {
    state.received = name
    controller.abort(new Error(`${name} received`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return state
}
