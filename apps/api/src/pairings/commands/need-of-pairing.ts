import { ProgramRuleError, needStreamId } from '@c2g/domain';
import { Deciders } from '../../commands/deciders';
import { StreamCommandExecutor } from '../../commands/stream-command-executor';

/** Money earmarked for a need must name a need of the same pairing. */
export async function assertNeedOfPairing(
  executor: StreamCommandExecutor,
  deciders: Deciders,
  needId: string | undefined,
  pairingId: string,
): Promise<void> {
  if (needId === undefined) return;
  const { state } = await executor.load(needStreamId(needId), deciders.need);
  if (!state.recorded) throw new ProgramRuleError('need-not-found', `no need ${needId}`);
  if (state.recorded.pairingId !== pairingId) {
    throw new ProgramRuleError('need-of-other-pairing', `need ${needId} belongs to pairing ${state.recorded.pairingId}`);
  }
}
