-- Incidents: event rows (of the latest versions) that report the same happening across
-- documents, clustered by src/aggregate/cluster.ts. Kept up to date at the end of every putDocs
-- batch, in its transaction (SqliteStore → incidents.ts), incrementally:
--   * a new event row is queued in incident_pending (trigger), then assigned;
--   * a deleted event row (a new version replaced its document's rows) leaves its incident at
--     once (trigger), and the incident is queued in incident_dirty to be recomputed (it may split).
-- Series read dyad_days, a per-day summary of incidents kept by triggers on incidents.
-- Day columns are YYYY-MM-DD (the first day of the incident's date); lo/hi are day numbers since
-- 1970-01-01 (UTC).

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  -- Unordered country-level dyad, "IRN|RUS" (sorted), "RUS|-" without a target.
  pair_key TEXT NOT NULL,
  -- Side keys: ISO3, else CAMEO actor code, else actor id. The direction is the earliest report's.
  source_key TEXT NOT NULL,
  source_country TEXT,
  source_actor_id TEXT,
  source_code TEXT,
  source_name TEXT,
  target_key TEXT,
  target_country TEXT,
  target_actor_id TEXT,
  target_code TEXT,
  target_name TEXT,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER,
  goldstein REAL,
  modality TEXT NOT NULL,
  -- Best-supported date (YYYY-MM-DD, YYYY-MM or YYYY) and its first day.
  date TEXT,
  day TEXT,
  first_reported TEXT,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL,
  outlets_json TEXT NOT NULL,
  source_url TEXT
);

-- The dyad series fast path reads dyad_days; this index (covering: id included) serves the ids
-- behind each point and dyad listings.
CREATE INDEX incidents_dyad ON incidents (pair_key, modality, day, id);
CREATE INDEX incidents_day ON incidents (modality, day);
CREATE INDEX incidents_source_actor ON incidents (source_actor_id, day);
CREATE INDEX incidents_target_actor ON incidents (target_actor_id, day);
CREATE INDEX incidents_source_key ON incidents (source_key, day);
CREATE INDEX incidents_target_key ON incidents (target_key, day);

CREATE TABLE incident_mentions (
  incident_id TEXT NOT NULL,
  doc_id TEXT NOT NULL,
  -- Position in the events layer of the document's latest version (events.idx).
  idx INTEGER NOT NULL,
  version_id INTEGER NOT NULL,
  pair_key TEXT NOT NULL,
  modality TEXT NOT NULL,
  -- Days the mention covers (its text date, else its publication day), inclusive.
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  -- Which rule and fields linked it to the incident.
  why TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE INDEX incident_mentions_block ON incident_mentions (pair_key, modality, lo);
CREATE INDEX incident_mentions_incident ON incident_mentions (incident_id);

CREATE TABLE incident_pending (
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE incident_dirty (incident_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER events_incident_pending AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO incident_pending (doc_id, idx) VALUES (new.doc_id, new.idx);
END;

CREATE TRIGGER events_incident_leave AFTER DELETE ON events BEGIN
  INSERT OR IGNORE INTO incident_dirty (incident_id)
    SELECT incident_id FROM incident_mentions WHERE doc_id = old.doc_id AND idx = old.idx;
  DELETE FROM incident_mentions WHERE doc_id = old.doc_id AND idx = old.idx;
  DELETE FROM incident_pending WHERE doc_id = old.doc_id AND idx = old.idx;
END;

-- Incidents per directed dyad, modality and day, with QuadClass counts and the Goldstein sum.
CREATE TABLE dyad_days (
  pair_key TEXT NOT NULL,
  modality TEXT NOT NULL,
  day TEXT NOT NULL,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  q1 INTEGER NOT NULL,
  q2 INTEGER NOT NULL,
  q3 INTEGER NOT NULL,
  q4 INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY (pair_key, modality, day, source_key, target_key)
) WITHOUT ROWID;

CREATE TRIGGER incidents_dyad_days_add AFTER INSERT ON incidents
WHEN new.target_key IS NOT NULL AND new.day IS NOT NULL BEGIN
  INSERT INTO dyad_days (pair_key, modality, day, source_key, target_key, n, q1, q2, q3, q4, goldstein_sum)
  VALUES (new.pair_key, new.modality, new.day, new.source_key, new.target_key, 1,
    coalesce(new.quad_class = 1, 0), coalesce(new.quad_class = 2, 0), coalesce(new.quad_class = 3, 0),
    coalesce(new.quad_class = 4, 0),
    coalesce(new.goldstein, 0))
  ON CONFLICT (pair_key, modality, day, source_key, target_key) DO UPDATE SET
    n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3,
    q4 = q4 + excluded.q4, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
END;

CREATE TRIGGER incidents_dyad_days_remove AFTER DELETE ON incidents
WHEN old.target_key IS NOT NULL AND old.day IS NOT NULL BEGIN
  UPDATE dyad_days SET n = n - 1, q1 = q1 - coalesce(old.quad_class = 1, 0), q2 = q2 - coalesce(old.quad_class = 2, 0),
    q3 = q3 - coalesce(old.quad_class = 3, 0), q4 = q4 - coalesce(old.quad_class = 4, 0),
    goldstein_sum = goldstein_sum - coalesce(old.goldstein, 0)
  WHERE pair_key = old.pair_key AND modality = old.modality AND day = old.day
    AND source_key = old.source_key AND target_key = old.target_key;
  DELETE FROM dyad_days WHERE pair_key = old.pair_key AND modality = old.modality AND day = old.day
    AND source_key = old.source_key AND target_key = old.target_key AND n <= 0;
END;

-- Events stored before this step are queued; the store assigns them when it opens.
INSERT INTO incident_pending (doc_id, idx) SELECT doc_id, idx FROM events;
