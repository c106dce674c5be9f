import { actionDefaults } from '../../harness/runner.js'
it('reads defaults', () => {
  expect(actionDefaults().mode).toBe('dry-run')
})
