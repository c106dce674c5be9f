// The action's entry point, as the runner starts it. It holds only the inputs' check and GitHub's
// ID token request, so that the sign-in's first request leaves while the rest of the bundle, a
// chunk of its own, loads. The inputs are read once, here; bad ones start nothing: run() refuses them.

import { requestIdTokenEarly } from './auth/early-id-token.js'
import { getSettings } from './inputs.js'
import type { Settings } from './settings.js'

let inputs: Settings | Error
try {
  inputs = getSettings()
} catch (error) {
  inputs = error instanceof Error ? error : new Error(String(error))
}
if (!(inputs instanceof Error) && inputs.auth === 'oidc') await requestIdTokenEarly(inputs.audience)
const { run } = await import('./main.js')
await run(inputs)
