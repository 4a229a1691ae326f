import type { Database } from 'better-sqlite3';
import { NeedDetails, NeedEvent, PlanDetails, PlanEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { PreparedStatements } from '../runner/prepared-statements';
import { ProjectionContext } from '../runner/projection';
import { Row } from '../runner/row';
import { ConceptLinkEvent } from '@c2g/domain';
import { flagId } from './flag-id';
import { recordDecision } from './learned-decisions';
import { PairScorer } from './pair-scorer';
import { contentWords, wordedAlike } from './similarity/concept-lexicon';
import { Money, RateTable } from './similarity/duplicate-score';

type NeedRecorded = Extract<NeedEvent, { type: 'NeedRecorded' }>['data'];
type PlanRegistered = Extract<PlanEvent, { type: 'PlanRegistered' }>['data'];

const sql = new PreparedStatements({
  need: 'SELECT * FROM dup_needs WHERE need_id = ?',
  plan: 'SELECT * FROM dup_plans WHERE plan_id = ?',
  community: 'SELECT * FROM dup_communities WHERE community_id = ?',
  insertNeed: `INSERT OR REPLACE INTO dup_needs (need_id, community_id, sector, title, description, window_from, window_to, amount, currency, open, revision)
               VALUES (@id, @community, @sector, @title, @description, @from, @to, @amount, @currency, @open, @revision)`,
  insertPlan: `INSERT OR REPLACE INTO dup_plans (plan_id, sector, title, description, community_ids, regional_council, window_from, window_to, amount, currency, open, revision)
               VALUES (@id, @sector, @title, @description, @communities, @council, @from, @to, @amount, @currency, @open, @revision)`,
  clearCoverage: 'DELETE FROM dup_plan_communities WHERE plan_id = ?',
  cover: 'INSERT OR IGNORE INTO dup_plan_communities (community_id, sector, plan_id) VALUES (?, ?, ?)',
  needsOf: `SELECT * FROM dup_needs WHERE community_id = @community AND sector = @sector AND open = 1
            AND window_from <= @to AND window_to >= @from
            AND window_from >= date(@from, '-' || (SELECT max_days FROM dup_need_spans WHERE community_id = @community AND sector = @sector) || ' days')
            ORDER BY need_id`,
  widenSpan: `INSERT INTO dup_need_spans (community_id, sector, max_days) VALUES (@community, @sector, CAST(julianday(@to) - julianday(@from) AS INTEGER) + 1)
              ON CONFLICT (community_id, sector) DO UPDATE SET max_days = max(max_days, excluded.max_days)`,
  plansOf: `SELECT p.* FROM dup_plans p WHERE p.open = 1 AND p.sector = @sector AND p.window_from <= @to AND p.window_to >= @from AND (
              p.plan_id IN (SELECT plan_id FROM dup_plan_communities WHERE community_id = @community AND sector = @sector)
              OR (p.regional_council IS NOT NULL AND p.regional_council = @council)) ORDER BY p.plan_id`,
  councilCommunities: 'SELECT community_id FROM dup_communities WHERE regional_council = ? ORDER BY community_id',
  flag: 'SELECT * FROM dup_flags WHERE flag_id = ?',
  openNeedsOf: `SELECT need_id, title, community_id FROM dup_needs WHERE sector = @sector AND open = 1
                AND (@community IS NULL OR community_id = @community) ORDER BY need_id`,
  upsertFlag: `INSERT INTO dup_flags (flag_id, kind, a_id, b_id, community_id, sector, score, reasons, status, a_revision, b_revision, raised_at, position)
               VALUES (@id, @kind, @a, @b, @community, @sector, @score, @reasons, 'open', @aRevision, @bRevision, @at, @position)
               ON CONFLICT (flag_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, status = 'open',
                 a_revision = excluded.a_revision, b_revision = excluded.b_revision, decision = NULL, note = NULL, reviewer = NULL,
                 position = excluded.position`,
  setStatus: 'UPDATE dup_flags SET status = ?, position = ? WHERE flag_id = ?',
  openFlagsOf: `SELECT flag_id FROM dup_flags WHERE status = 'open' AND (a_id = ? OR b_id = ?) ORDER BY flag_id`,
  resolve: `UPDATE dup_flags SET status = 'resolved', decision = ?, note = ?, reviewer = ?, position = ? WHERE flag_id = ?`,
  pledge: `INSERT INTO dup_need_pledges (need_id, currency, amount) VALUES (?, ?, ?)
           ON CONFLICT (need_id, currency) DO UPDATE SET amount = amount + excluded.amount`,
  pledgesOf: 'SELECT currency, amount FROM dup_need_pledges WHERE need_id = ?',
  duplicatePlansOf: `SELECT p.amount, p.currency, p.plan_id FROM dup_flags f JOIN dup_plans p ON p.plan_id = f.b_id
                     WHERE f.kind = 'need-plan' AND f.a_id = ? AND (f.status = 'open' OR f.decision = 'duplicate') ORDER BY p.plan_id`,
});

/** What one event does to the flags; one instance per event, inside the runner's transaction. */
export class FlagRaiser {
  private readonly q;
  private readonly scorer: PairScorer;

  constructor(
    private readonly db: Database,
    private readonly rates: RateTable,
    private readonly event: StoredEvent,
    private readonly context: ProjectionContext,
  ) {
    this.q = sql.for(db);
    this.scorer = new PairScorer(db, rates);
  }

  recordNeed(n: NeedRecorded): void {
    this.storeNeed({ id: n.needId, community: n.communityId, sector: n.sector, title: n.title, description: n.description,
      from: n.window.from, to: n.window.to, amount: n.estimatedCost.amount, currency: n.estimatedCost.currency, open: 1, revision: 0 });
    this.evaluateNeed(n.needId);
  }

  reviseNeed(needId: string, changes: Partial<NeedDetails>): void {
    const row = this.q.need.get(needId) as Row | undefined;
    if (!row) return;
    this.storeNeed({ id: needId, community: row.community_id, sector: changes.sector ?? row.sector, title: changes.title ?? row.title,
      description: changes.description ?? row.description, from: changes.window?.from ?? row.window_from, to: changes.window?.to ?? row.window_to,
      amount: changes.estimatedCost?.amount ?? row.amount, currency: changes.estimatedCost?.currency ?? row.currency, open: row.open, revision: row.revision + 1 });
    this.closeFlagsOf(needId);
    this.evaluateNeed(needId);
  }

  private storeNeed(need: Row): void {
    this.q.insertNeed.run(need);
    this.q.widenSpan.run({ community: need.community, sector: need.sector, from: need.from, to: need.to });
  }

  closeNeed(needId: string): void {
    this.db.prepare('UPDATE dup_needs SET open = 0 WHERE need_id = ?').run(needId);
    this.closeFlagsOf(needId);
  }

  registerPlan(p: PlanRegistered): void {
    this.storePlan(p.planId, p, 0, 1);
    this.evaluatePlan(p.planId);
  }

  revisePlan(planId: string, changes: Partial<PlanDetails>): void {
    const row = this.q.plan.get(planId) as Row | undefined;
    if (!row) return;
    const current: PlanDetails = { ...this.planDetails(row), ...changes };
    this.storePlan(planId, current, row.revision + 1, row.open);
    this.closeFlagsOf(planId);
    this.evaluatePlan(planId);
  }

  withdrawPlan(planId: string): void {
    this.db.prepare('UPDATE dup_plans SET open = 0 WHERE plan_id = ?').run(planId);
    this.closeFlagsOf(planId);
  }

  pledgeForNeed(needId: string, amount: Money): void {
    this.q.pledge.run(needId, amount.currency, amount.amount);
    this.checkOverFunding(needId);
  }

  resolve(data: { flagId: string; decision: string; note: string; reviewer: string }): void {
    const flag = this.q.flag.get(data.flagId) as Row | undefined;
    if (!flag) return;
    this.q.resolve.run(data.decision, data.note, data.reviewer, this.event.position, data.flagId);
    this.announce(data.flagId, flag.community_id);
    if (flag.kind === 'need-plan') this.checkOverFunding(flag.a_id);
  }

  /**
   * A reviewer's decision becomes something the detector knows; then the open needs worded like
   * either side (in the sector for a link, in the community for a separation) are compared again,
   * so pairs already recorded are flagged, or told apart, as if the decision had come first.
   */
  learn(event: ConceptLinkEvent): void {
    const d = event.data;
    const { placeWords } = this.scorer.communityOf(d.communityId);
    const effect = event.type === 'ConceptsLinked' ? 'link' : 'separate';
    recordDecision(this.db, { effect, flagId: d.flagId, reviewer: d.reviewer, decidedOn: this.event.metadata.occurredAt.slice(0, 10),
      communityId: d.communityId, sector: d.sector, position: Number(this.event.position), wordings: d.wordings, placeWords });
    const sides = d.wordings.map((w) => contentWords(w, placeWords));
    const needs = this.q.openNeedsOf.all({ sector: d.sector, community: effect === 'link' ? null : d.communityId }) as Row[];
    for (const need of needs) {
      const keys = contentWords(need.title, this.scorer.communityOf(need.community_id).placeWords);
      if (sides.some((side) => wordedAlike(keys, side))) this.evaluateNeed(need.need_id);
    }
  }

  private planDetails(row: Row): PlanDetails {
    const communityIds = JSON.parse(row.community_ids) as string[];
    return {
      title: row.title, description: row.description, sector: row.sector, window: { from: row.window_from, to: row.window_to },
      budget: { amount: row.amount, currency: row.currency },
      ...(communityIds.length ? { communityIds } : {}), ...(row.regional_council ? { regionalCouncil: row.regional_council } : {}),
    };
  }

  private storePlan(planId: string, p: PlanDetails, revision: number, open: number): void {
    this.q.insertPlan.run({ id: planId, sector: p.sector, title: p.title, description: p.description, communities: JSON.stringify(p.communityIds ?? []),
      council: p.regionalCouncil ?? null, from: p.window.from, to: p.window.to, amount: p.budget.amount, currency: p.budget.currency, open, revision });
    this.q.clearCoverage.run(planId);
    for (const communityId of p.communityIds ?? []) this.q.cover.run(communityId, p.sector, planId);
  }

  private evaluateNeed(needId: string): void {
    const need = this.q.need.get(needId) as Row;
    if (!need.open) return;
    const community = this.q.community.get(need.community_id) as Row | undefined;
    const window = { from: need.window_from, to: need.window_to };
    const plans = this.q.plansOf.all({ sector: need.sector, community: need.community_id, council: community?.regional_council ?? null, ...window }) as Row[];
    for (const plan of plans) this.compare('need-plan', need, plan);
    for (const other of this.q.needsOf.all({ community: need.community_id, sector: need.sector, ...window }) as Row[]) {
      if (other.need_id !== needId) this.compare('need-need', need, other);
    }
  }

  private evaluatePlan(planId: string): void {
    const plan = this.q.plan.get(planId) as Row;
    if (!plan.open) return;
    const communities: string[] = plan.regional_council
      ? (this.q.councilCommunities.all(plan.regional_council) as Row[]).map((r) => r.community_id)
      : JSON.parse(plan.community_ids);
    for (const communityId of communities) {
      const candidates = this.q.needsOf.all({ community: communityId, sector: plan.sector, from: plan.window_from, to: plan.window_to }) as Row[];
      for (const need of candidates) this.compare('need-plan', need, plan);
    }
  }

  /** Raises, refreshes or closes the flag of one pair; a resolved pair stays resolved until one side is revised. */
  private compare(kind: 'need-plan' | 'need-need', need: Row, other: Row): void {
    const otherId = kind === 'need-plan' ? other.plan_id : other.need_id;
    const [a, b] = kind === 'need-need' && otherId < need.need_id ? [other, need] : [need, other];
    const aId = a.need_id as string;
    const bId = kind === 'need-plan' ? (b.plan_id as string) : (b.need_id as string);
    const id = flagId(kind, aId, bId);
    const existing = this.q.flag.get(id) as Row | undefined;
    const result = this.scorer.score(a, b);
    if (!result.duplicate) {
      if (existing?.status === 'open') this.setStatus(id, 'closed', need.community_id);
      return;
    }
    const unchangedSinceResolution = existing?.status === 'resolved' && existing.a_revision === a.revision && existing.b_revision === b.revision;
    if (unchangedSinceResolution) return;
    this.q.upsertFlag.run({ id, kind, a: aId, b: bId, community: need.community_id, sector: need.sector, score: result.score,
      reasons: JSON.stringify(result.reasons), aRevision: a.revision, bRevision: b.revision, at: this.event.metadata.occurredAt, position: this.event.position });
    this.announce(id, need.community_id);
    if (kind === 'need-plan') this.checkOverFunding(aId);
  }

  /** Pledges for a need plus the budgets of plans that duplicate it, against its cost (through the rate table). */
  private checkOverFunding(needId: string): void {
    const need = this.q.need.get(needId) as Row | undefined;
    if (!need) return;
    const inUnits = (amount: number, currency: string) => (this.rates[currency] === undefined ? undefined : amount * this.rates[currency]);
    const pledges = this.q.pledgesOf.all(needId) as Row[];
    const plans = this.q.duplicatePlansOf.all(needId) as Row[];
    const parts = [...pledges.map((p) => inUnits(p.amount, p.currency)), ...plans.map((p) => inUnits(p.amount, p.currency))];
    const cost = inUnits(need.amount, need.currency);
    const id = flagId('over-funding', needId, needId);
    const existing = this.q.flag.get(id) as Row | undefined;
    if (cost === undefined || parts.some((p) => p === undefined)) return;
    const covered = (parts as number[]).reduce((sum, p) => sum + p, 0);
    if (covered <= cost || need.open === 0) {
      if (existing?.status === 'open') this.setStatus(id, 'closed', need.community_id);
      return;
    }
    if (existing?.status === 'resolved' && existing.a_revision === need.revision) return;
    const reasons = [
      `estimated cost ${(need.amount / 100).toFixed(2)} ${need.currency}`,
      ...pledges.map((p) => `pledged ${(p.amount / 100).toFixed(2)} ${p.currency}`),
      ...plans.map((p) => `plan ${p.plan_id} budget ${(p.amount / 100).toFixed(2)} ${p.currency}`),
      `covered ${Math.round((covered / cost) * 100)}% of the cost (rates ${Object.entries(this.rates).map(([c, r]) => `${c} ${r}`).join(', ')})`,
    ];
    this.q.upsertFlag.run({ id, kind: 'over-funding', a: needId, b: needId, community: need.community_id, sector: need.sector,
      score: Math.round((covered / cost) * 100) / 100, reasons: JSON.stringify(reasons), aRevision: need.revision, bRevision: need.revision,
      at: this.event.metadata.occurredAt, position: this.event.position });
    this.announce(id, need.community_id);
  }

  private closeFlagsOf(id: string): void {
    for (const flag of this.q.openFlagsOf.all(id, id) as Row[]) this.setStatus(flag.flag_id, 'closed', undefined);
  }

  private setStatus(id: string, status: string, communityId: string | undefined): void {
    this.q.setStatus.run(status, this.event.position, id);
    this.announce(id, communityId);
  }

  private announce(id: string, communityId: string | undefined): void {
    this.context.changed({ kind: 'duplicate-flag', id, ...(communityId ? { communityId } : {}) });
  }
}
