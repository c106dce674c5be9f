import { decide, type Decision, type DecisionFacts } from '../../src/rules/plan.js'

const facts = (overrides: Partial<DecisionFacts>): DecisionFacts => ({
  mode: 'dry-run',
  alreadyMoved: false,
  blockers: 0,
  preparesTarget: false,
  ...overrides
})

describe('decide', () => {
  it.each<[string, Partial<DecisionFacts>, Decision]>([
    ['a clean dry run validates', {}, 'validate'],
    ['a clean move validates, then moves', { mode: 'move' }, 'validate-and-move'],
    ['a blocker blocks a dry run', { blockers: 1 }, 'blocked'],
    ['a blocker blocks a move', { mode: 'move', blockers: 2 }, 'blocked'],
    ['a dry run whose target the move prepares cannot validate yet', { preparesTarget: true }, 'wait-for-target'],
    ['a move prepares its target, then validates', { mode: 'move', preparesTarget: true }, 'validate-and-move'],
    ['a blocker outranks waiting for the target', { preparesTarget: true, blockers: 1 }, 'blocked'],
    ['nothing left to send is already moved', { alreadyMoved: true }, 'already-moved'],
    ['already moved outranks a blocker', { mode: 'move', alreadyMoved: true, blockers: 3 }, 'already-moved']
  ])('%s', (_, overrides, expected) => {
    expect(decide(facts(overrides))).toBe(expected)
  })
})
