import { armErrorFrom, formatArmError, parseArmError } from '../../src/azure/arm-error.js'
import { armRefusalFindings, MOVE_ANSWER_LOST } from '../../src/rules/arm-refusal.js'

const inner = {
  error: { code: 'AnotherOperationInProgress', message: 'Another operation is in progress on workspace ml-ws-test.' }
}
const middle = {
  error: {
    code: 'MissingMoveDependentResources',
    message: 'The move resources request does not contain all the dependent resources.',
    details: [{ code: 'ProviderValidation', message: JSON.stringify(inner) }]
  }
}
const body = JSON.stringify({
  error: {
    code: 'ResourceMoveProviderValidationFailed',
    message: 'Resource move validation failed. Please see details.',
    details: [
      {
        code: 'ResourceMoveProviderValidationFailed',
        target: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws',
        message: JSON.stringify(middle)
      }
    ]
  }
})

describe('ARM errors', () => {
  it('unfolds errors nested as JSON inside messages, recursively, into readable lines', () => {
    const error = parseArmError(body)!
    expect(formatArmError(error)).toEqual([
      'ResourceMoveProviderValidationFailed: Resource move validation failed. Please see details.',
      '  ResourceMoveProviderValidationFailed (/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws)',
      '    MissingMoveDependentResources (/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws): The move resources request does not contain all the dependent resources.',
      '      ProviderValidation',
      '        AnotherOperationInProgress: Another operation is in progress on workspace ml-ws-test.'
    ])
  })

  it('turns the refusal into one blocker named after its root cause, every speaking error an item, root cause first', () => {
    const findings = armRefusalFindings(parseArmError(body)!, 'validation')
    expect(findings).toEqual([
      {
        rule: 'arm-validation',
        severity: 'blocker',
        title: 'ARM refused the validation: AnotherOperationInProgress',
        items: [
          'AnotherOperationInProgress: Another operation is in progress on workspace ml-ws-test.',
          // An unwrapped error keeps the target of the detail that carried it.
          'MissingMoveDependentResources on /subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws: The move resources request does not contain all the dependent resources.',
          'ResourceMoveProviderValidationFailed: Resource move validation failed. Please see details.'
        ],
        fix: expect.stringMatching(/Another operation runs/) as unknown
      }
    ])
  })

  it('says a refusal while the groups are locked means a move is running, not what to fix', () => {
    const locked = {
      code: 'AnotherOperationInProgress',
      message: "resource group 'rg' is locked by a resource move.",
      details: []
    }
    expect(armRefusalFindings(locked, 'validation')).toEqual([
      expect.objectContaining({
        rule: 'move-in-progress',
        severity: 'blocker',
        items: ["AnotherOperationInProgress: resource group 'rg' is locked by a resource move."],
        fix: expect.stringContaining('Wait for that move to finish') as unknown
      })
    ])
  })

  it("names a lost move answer as such, with ARM's refusal as its items", () => {
    const lost = {
      code: MOVE_ANSWER_LOST,
      message: 'The answer was lost.',
      details: [{ code: 'SomeLockCode', message: "resource group 'rg' is locked.", details: [] }]
    }
    expect(armRefusalFindings(lost, 'move')).toEqual([
      expect.objectContaining({
        rule: 'move-answer-lost',
        items: ["SomeLockCode: resource group 'rg' is locked."],
        fix: expect.stringContaining('validates before it sends anything') as unknown
      })
    ])
  })

  it('reads nothing from a body that is not an ARM error', () => {
    expect(parseArmError('<html>bad gateway</html>')).toBeUndefined()
    expect(parseArmError('{"value":[]}')).toBeUndefined()
    expect(parseArmError(undefined)).toBeUndefined()
  })

  it('falls back to the code and message of an SDK error', () => {
    const sdkError = Object.assign(new Error('Resource group could not be found.'), { code: 'ResourceGroupNotFound' })
    expect(armErrorFrom(sdkError)).toEqual({
      code: 'ResourceGroupNotFound',
      message: 'Resource group could not be found.',
      details: []
    })
  })
})
