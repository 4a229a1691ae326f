/**
 * The two wordings a reviewer judged, as the detector saw them: what a decision teaches.
 * `wordings` are the two titles, need first.
 */
export interface JudgedPair {
  kind: 'need-plan' | 'need-need';
  needId: string;
  otherId: string;
  communityId: string;
  sector: string;
  wordings: [string, string];
}

/** A reviewer said the pair is one effort: pairs worded like it are the same thing from now on. */
export type ConceptsLinked = { type: 'ConceptsLinked'; data: JudgedPair & { flagId: string; reviewer: string } };

/** A reviewer said the pair is two efforts: in its community and sector, pairs worded like it are told apart. */
export type ConceptsSeparated = { type: 'ConceptsSeparated'; data: JudgedPair & { flagId: string; reviewer: string } };

export type ConceptLinkEvent = ConceptsLinked | ConceptsSeparated;
