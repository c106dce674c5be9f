// The runner cancels a job with SIGINT, then SIGTERM. One listener for the whole run: before the
// move is sent, a signal stops the run; once it is sent, it ends the wait (never the move).

/** Thrown into a stage the job was cancelled during. */
export class Cancelled extends Error {
  constructor(readonly signalName: string) {
    super(`The job was cancelled (${signalName})`)
    this.name = 'Cancelled'
  }
}

export interface Cancellation {
  signal: AbortSignal
  /** The signal's name once one arrived. */
  received?: string
  /** The stage, or a rejection with Cancelled should the job be cancelled first. */
  unlessCancelled: <T>(stage: Promise<T>) => Promise<T>
  dispose(): void
}

export function listenForCancellation(): Cancellation {
  const controller = new AbortController()
  let cancel!: (error: Cancelled) => void
  const cancelled = new Promise<never>((_, reject) => (cancel = reject))
  cancelled.catch(() => undefined) // only the stages raced against it report it
  const state: Cancellation = {
    signal: controller.signal,
    unlessCancelled: stage => Promise.race([stage, cancelled]),
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
  function onSignal(name: NodeJS.Signals): void {
    if (state.received) return
    state.received = name
    controller.abort(new Cancelled(name))
    cancel(new Cancelled(name))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return state
}
