// The action's entry point, as the runner starts it. It holds only the inputs' check and GitHub's
// ID token request, so that the sign-in's first request leaves while the rest of the bundle, a
// chunk of its own, loads. Bad inputs start nothing: run() refuses them before any request.

import { requestIdTokenEarly } from './auth/early-id-token.js'
import { getSettings } from './inputs.js'
import type { Settings } from './settings.js'

let settings: Settings | undefined
try {
  settings = getSettings()
} catch {
  // run() reads the inputs again and reports what is wrong.
}
if (settings?.auth === 'oidc') await requestIdTokenEarly(settings.audience)
const { run } = await import('./main.js')
await run()
