/** Current schema version of every event type; bump one when its data shape changes (and add an upcaster). */
const SCHEMA_VERSIONS: Record<string, number> = {
  CommunityRegistered: 1,
  CommunityPaired: 1,
  CommunityUnpaired: 1,
  ResidentsReturned: 1,
  PairingCreated: 1,
  PairingAbandoned: 1,
  TeamMemberAssigned: 1,
  TeamMemberReleased: 1,
  PledgeMade: 1,
  FundsDisbursed: 1,
  RoadMapApproved: 1,
  PhaseAdvanced: 1,
  NeedRecorded: 1,
  NeedRevised: 1,
  NeedFulfilled: 1,
  NeedCancelled: 1,
  PlanRegistered: 1,
  PlanRevised: 1,
  PlanWithdrawn: 1,
  DuplicateFlagResolved: 1,
  ConceptsLinked: 1,
  ConceptsSeparated: 1,
};

export function schemaVersionOf(type: string): number {
  return SCHEMA_VERSIONS[type] ?? 1;
}
