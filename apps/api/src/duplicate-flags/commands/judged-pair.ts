import { JudgedPair } from '@c2g/domain';
import { explainDuplicatePair } from '@c2g/projections';

type Explained = NonNullable<ReturnType<typeof explainDuplicatePair>>;

/** The wordings a reviewer judges, as the detector sees them now (none for a pair that is no longer a candidate). */
export function judgedPair(explained: Explained): JudgedPair | undefined {
  if (!('wordings' in explained) || !explained.candidate) return undefined;
  const { kind, needId, otherId, communityId, sector, wordings } = explained;
  return { kind, needId, otherId, communityId, sector, wordings };
}
