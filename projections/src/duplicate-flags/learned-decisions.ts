import type { Database } from 'better-sqlite3';
import { PreparedStatements } from '../runner/prepared-statements';
import { Row } from '../runner/row';
import { ContentWords, contentWords, wordedAlike } from './similarity/concept-lexicon';

/** What a reviewer's decision says about a pair of wordings: one effort (link) or two (separate). */
export interface LearnedDecision {
  effect: 'link' | 'separate';
  flagId: string;
  reviewer: string;
  decidedOn: string;
  communityId: string;
  sector: string;
  position: number;
  sides: [ContentWords, ContentWords];
}


const sql = new PreparedStatements({
  insert: `INSERT INTO dup_learned (effect, flag_id, reviewer, decided_on, community_id, sector, a_keys, b_keys, position)
           VALUES (@effect, @flagId, @reviewer, @decidedOn, @communityId, @sector, @aKeys, @bKeys, @position)`,
  ofSector: 'SELECT * FROM dup_learned WHERE sector = ? ORDER BY position',
});


export function recordDecision(db: Database, decision: Omit<LearnedDecision, 'sides'> & { wordings: [string, string]; placeWords: string[] }): void {
  const [aKeys, bKeys] = decision.wordings.map((w) => JSON.stringify(contentWords(w, decision.placeWords)));
  sql.for(db).insert.run({ ...decision, aKeys, bKeys });
}

export function decisionsOf(db: Database, sector: string): LearnedDecision[] {
  return (sql.for(db).ofSector.all(sector) as Row[]).map((r) => ({
    effect: r.effect, flagId: r.flag_id, reviewer: r.reviewer, decidedOn: r.decided_on, communityId: r.community_id, sector: r.sector,
    position: r.position, sides: [JSON.parse(r.a_keys), JSON.parse(r.b_keys)],
  }));
}

/**
 * The latest decision about a pair worded like this one (either way round): a link anywhere in
 * the sector, a separation only in its own community. Undefined when no reviewer has judged one.
 */
export function latestDecisionFor(
  decisions: LearnedDecision[],
  communityId: string,
  x: ContentWords,
  y: ContentWords,
): LearnedDecision | undefined {
  let latest: LearnedDecision | undefined;
  for (const d of decisions) {
    if (d.effect === 'separate' && d.communityId !== communityId) continue;
    const [a, b] = d.sides;
    const alike = (wordedAlike(x, a) && wordedAlike(y, b)) || (wordedAlike(x, b) && wordedAlike(y, a));
    if (alike && (!latest || d.position > latest.position)) latest = d;
  }
  return latest;
}

export function explainDecision(d: LearnedDecision): string {
  const verb = d.effect === 'link' ? 'linked' : 'told apart';
  return `${verb} by the resolution of flag ${d.flagId} on ${d.decidedOn} (${d.reviewer})`;
}
