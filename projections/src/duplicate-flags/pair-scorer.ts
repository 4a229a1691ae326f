import type { Database } from 'better-sqlite3';
import { PreparedStatements } from '../runner/prepared-statements';
import { Row } from '../runner/row';
import { decisionsOf, explainDecision, LearnedDecision, latestDecisionFor } from './learned-decisions';
import { contentWords } from './similarity/concept-lexicon';
import { Comparable, DuplicateScore, RateTable, scoreDuplicate } from './similarity/duplicate-score';

const sql = new PreparedStatements({ community: 'SELECT * FROM dup_communities WHERE community_id = ?' });

export const comparable = (row: Row): Comparable => ({
  title: row.title,
  description: row.description,
  window: { from: row.window_from, to: row.window_to },
  money: { amount: row.amount, currency: row.currency },
});

/**
 * Scores a need against a plan or another need of its community and sector, with what
 * reviewers have decided about pairs worded like them. Community names and decisions are
 * read once per instance (one event, or one explanation), however many pairs it scores.
 */
export class PairScorer {
  private readonly communities = new Map<string, { communityName: string; placeWords: string[] }>();
  private readonly decisions = new Map<string, LearnedDecision[]>();

  constructor(private readonly db: Database, private readonly rates: RateTable) {}

  score(need: Row, other: Row): DuplicateScore {
    const community = this.communityOf(need.community_id);
    const decisions = this.decisionsOf(need.sector);
    let learned: { effect: 'link' | 'separate'; reason: string } | undefined;
    if (decisions.length) {
      const [x, y] = [need, other].map((row) => contentWords(row.title, community.placeWords));
      const decision = latestDecisionFor(decisions, need.community_id, x, y);
      if (decision) learned = { effect: decision.effect, reason: explainDecision(decision) };
    }
    return scoreDuplicate(comparable(need), comparable(other), { ...community, sector: need.sector, rates: this.rates, learned });
  }

  /** A community's name and place words. */
  communityOf(communityId: string): { communityName: string; placeWords: string[] } {
    let known = this.communities.get(communityId);
    if (!known) {
      const row = sql.for(this.db).community.get(communityId) as Row | undefined;
      known = { communityName: row?.name ?? communityId, placeWords: row ? JSON.parse(row.place_words) : [] };
      this.communities.set(communityId, known);
    }
    return known;
  }

  private decisionsOf(sector: string): LearnedDecision[] {
    let known = this.decisions.get(sector);
    if (!known) {
      known = decisionsOf(this.db, sector);
      this.decisions.set(sector, known);
    }
    return known;
  }
}
