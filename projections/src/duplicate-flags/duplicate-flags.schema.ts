/** Tables of the duplicate-flags read model: the candidate index and the flags themselves. */
export const DUPLICATE_FLAGS_SCHEMA = `
  CREATE TABLE dup_communities (community_id TEXT PRIMARY KEY, name TEXT NOT NULL, regional_council TEXT, place_words TEXT NOT NULL);
  CREATE INDEX dup_communities_by_council ON dup_communities (regional_council);
  CREATE TABLE dup_pairings (pairing_id TEXT PRIMARY KEY, community_id TEXT NOT NULL);
  CREATE TABLE dup_needs (
    need_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, sector TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    window_from TEXT NOT NULL, window_to TEXT NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,
    open INTEGER NOT NULL, revision INTEGER NOT NULL
  );
  CREATE INDEX dup_needs_by_window ON dup_needs (community_id, sector, open, window_from);
  -- The longest window among a bucket's needs: an overlapping need starts at most that many days before a window does.
  CREATE TABLE dup_need_spans (community_id TEXT NOT NULL, sector TEXT NOT NULL, max_days INTEGER NOT NULL, PRIMARY KEY (community_id, sector));
  CREATE TABLE dup_plans (
    plan_id TEXT PRIMARY KEY, sector TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, community_ids TEXT NOT NULL,
    regional_council TEXT, window_from TEXT NOT NULL, window_to TEXT NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,
    open INTEGER NOT NULL, revision INTEGER NOT NULL
  );
  CREATE INDEX dup_plans_by_council_sector ON dup_plans (regional_council, sector, open);
  CREATE TABLE dup_plan_communities (community_id TEXT NOT NULL, sector TEXT NOT NULL, plan_id TEXT NOT NULL, PRIMARY KEY (community_id, sector, plan_id));
  CREATE INDEX dup_plan_communities_by_plan ON dup_plan_communities (plan_id);
  CREATE TABLE dup_need_pledges (need_id TEXT NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (need_id, currency));
  CREATE TABLE dup_flags (
    flag_id TEXT PRIMARY KEY, kind TEXT NOT NULL, a_id TEXT NOT NULL, b_id TEXT NOT NULL, community_id TEXT NOT NULL,
    sector TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL, status TEXT NOT NULL,
    a_revision INTEGER NOT NULL, b_revision INTEGER NOT NULL, decision TEXT, note TEXT, reviewer TEXT,
    raised_at TEXT NOT NULL, position INTEGER NOT NULL
  );
  CREATE INDEX dup_flags_by_a ON dup_flags (a_id);
  CREATE INDEX dup_flags_by_b ON dup_flags (b_id);
  CREATE INDEX dup_flags_by_status ON dup_flags (status, kind, flag_id);
  -- Reviewers' decisions as the detector learns them (ConceptsLinked / ConceptsSeparated): content words of each wording.
  CREATE TABLE dup_learned (
    effect TEXT NOT NULL, flag_id TEXT NOT NULL, reviewer TEXT NOT NULL, decided_on TEXT NOT NULL, community_id TEXT NOT NULL,
    sector TEXT NOT NULL, a_keys TEXT NOT NULL, b_keys TEXT NOT NULL, position INTEGER NOT NULL
  );
  CREATE INDEX dup_learned_by_sector ON dup_learned (sector, position);
`;

/**
 * Flags per status, kept by triggers whatever statement moves a flag, so /metrics reads a few
 * rows instead of counting every flag on the request thread at each scrape (version 5 on).
 */
export const DUPLICATE_FLAG_COUNTS_SCHEMA = `
  CREATE TABLE dup_flag_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TRIGGER dup_flags_counted_in AFTER INSERT ON dup_flags BEGIN
    INSERT INTO dup_flag_counts (status, n) VALUES (NEW.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER dup_flags_counted_moved AFTER UPDATE OF status ON dup_flags WHEN OLD.status IS NOT NEW.status BEGIN
    UPDATE dup_flag_counts SET n = n - 1 WHERE status = OLD.status;
    INSERT INTO dup_flag_counts (status, n) VALUES (NEW.status, 1) ON CONFLICT (status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER dup_flags_counted_out AFTER DELETE ON dup_flags BEGIN
    UPDATE dup_flag_counts SET n = n - 1 WHERE status = OLD.status;
  END;
`;
