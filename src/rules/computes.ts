// Computes (managed or attached, in any state) are not moved; they block the move, unless the restore
// input takes them down before it and brings them back after (quiesce.ts), and they can go now.

import type { ComputeInfo } from '../inventory/inventory.js'
import type { Finding, Rule, RuleContext } from './finding.js'
import { azMl, count, describe } from './format.js'
import { sameText } from '../azure/ids.js'
import { computeKind, computeScope, secretSource } from './quiesce.js'

function recreate(compute: ComputeInfo): string {
  const name = describe(compute.name, compute.computeType, compute.size)
  if (compute.attached) return `${name}: attach ${compute.resourceId ?? 'the resource'} again`
  // Known issue: after a move, creating a compute instance with a name used before fails (Etag conflict).
  if (sameText(compute.computeType, 'ComputeInstance'))
    return `${name}: use a new name, the old one fails with an Etag conflict after a move`
  return name
}

/** The computes the restore input does not cover: delete or detach them by hand, as before. */
function byHand(computes: ComputeInfo[], context: RuleContext): Finding[] {
  if (!computes.length) return []
  const fix = [
    computes.some(compute => !compute.attached) && 'delete the managed computes',
    computes.some(compute => compute.attached) && 'detach the attached ones'
  ].filter(Boolean)
  const instances = computes.some(c => computeKind(c) === 'instance')
  const managed = computes.some(c => computeKind(c) !== 'instance')
  const asks = [managed && 'computes', instances && 'compute-instances'].filter(Boolean).join(', ')
  return [
    {
      rule: 'computes',
      severity: 'blocker',
      title: `The workspace has ${count(computes.length, 'compute')}; workspaces with computes (even ones being created) cannot be moved`,
      items: computes.map(compute => describe(compute.name, compute.computeType, compute.size, compute.provisioningState)),
      fix: `Before the move, ${fix.join(' and ')}; recreate them after. Or let the action do it: add ${asks} to restore.`,
      commands: computes.map(({ name, attached }) =>
        attached
          ? azMl('compute detach', context.sourceWorkspaceId, name)
          : `${azMl('compute delete', context.sourceWorkspaceId, name)} --yes`
      ),
      followUp: { title: 'Recreate the computes in the moved workspace', items: computes.map(recreate) }
    }
  ]
}

const INSTANCE_LOSS =
  'its OS disk (installed packages, conda environments, SSH keys), /tmp and /mnt are lost; notebooks and files on the workspace file share are kept'

function takenDown(compute: ComputeInfo, context: RuleContext): string {
  const name = describe(compute.name, compute.computeType, compute.size)
  switch (computeKind(compute)) {
    case 'attached': {
      // Known only in the move's job (no dry run reads secrets): said now, so a reviewer can supply them.
      const secrets =
        secretSource(compute, context.suppliedSecrets) === 'listKeys'
          ? '; its secrets are read with listKeys in the move job, which stops before taking anything down if they are not all there (then give them in compute-secrets)'
          : ''
      return `${name}: detached (${compute.resourceId ?? 'its resource'} is kept), attached again${secrets}`
    }
    case 'instance':
      return `${name}: deleted, created again with the same settings; ${INSTANCE_LOSS}`
    default:
      return `${name}: deleted while idle, created again with the same settings`
  }
}

export const computesRule: Rule = ({ computes }, context) => {
  const { taken, refused, left } = computeScope(computes, context)
  const findings = byHand(left, context)
  if (refused.length) {
    findings.push({
      rule: 'computes',
      severity: 'blocker',
      title: `${count(refused.length, 'compute')} the restore input covers cannot be taken down now`,
      items: refused.map(({ compute, why }) => `${describe(compute.name, compute.computeType)}: ${why}`),
      fix: 'Clear each as it says, then run again.',
      commands: refused
        .filter(({ compute }) => computeKind(compute) === 'instance' && !sameText(compute.state, 'Stopped'))
        .map(({ compute }) => azMl('compute stop', context.sourceWorkspaceId, compute.name))
    })
  }
  if (taken.length) {
    const instances = taken.filter(c => computeKind(c) === 'instance').length
    findings.push({
      rule: 'compute-taken-down',
      severity: 'warning',
      title: `${count(taken.length, 'compute')} ${taken.length === 1 ? 'is' : 'are'} taken down before the move and brought back after it${instances ? `; ${count(instances, 'compute instance')} ${instances === 1 ? 'loses' : 'lose'} what is on ${instances === 1 ? 'its' : 'their'} OS disk` : ''}`,
      items: taken.map(compute => takenDown(compute, context))
    })
  }
  return findings
}
