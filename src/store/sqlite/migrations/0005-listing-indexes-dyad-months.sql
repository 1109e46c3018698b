-- Indexes in the order listings are served, so that a page of events (or quotes) is read off an
-- index and stops after LIMIT rows instead of sorting every matching row first; and a monthly
-- dyad summary (dyad_months, at the end) for monthly and yearly series.
-- Events are listed by coalesce(date, published) DESC, doc_id, idx (fact-queries.ts): the
-- expression is spelled exactly as the queries spell it, or SQLite will not use the index.
-- SQLite sorts NULL below every value, so DESC puts undated rows last without an `IS NULL` term.
-- Each filter that narrows a listing a lot gets the sort key after its column(s); the two-column
-- indexes of step 3 that these extend are dropped (the new ones serve every query they did).

CREATE INDEX events_when ON events (coalesce(date, published) DESC, doc_id, idx);
-- Dyads (one direction per index range; the query unions the two directions) and source+target.
CREATE INDEX events_dyad_when ON events (source_country, target_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_source_when ON events (source_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_target_when ON events (target_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_source_actor_when ON events (source_actor_id, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_target_actor_when ON events (target_actor_id, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_root_when ON events (root, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_quad_when ON events (quad_class, coalesce(date, published) DESC, doc_id, idx);
-- Also serves outlet profiles' count per outlet (a covering scan).
CREATE INDEX events_outlet_when ON events (outlet, coalesce(date, published) DESC, doc_id, idx);

DROP INDEX events_dyad;
DROP INDEX events_target;
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_root;
DROP INDEX events_quad_class;
DROP INDEX events_outlet;
-- A handful of values: reading the listing index in order and skipping non-matching rows beats
-- fetching a large share of the table through this one and sorting it.
DROP INDEX events_modality;
-- No query filters on the text date alone (listings and bounds use the coalesced date).
DROP INDEX events_date;

-- Quotes are listed by published DESC, doc_id, idx.
CREATE INDEX quotes_when ON quotes (published DESC, doc_id, idx);
CREATE INDEX quotes_speaker_when ON quotes (speaker_actor_id, published DESC, doc_id, idx);
CREATE INDEX quotes_country_when ON quotes (speaker_country, published DESC, doc_id, idx);
DROP INDEX quotes_published;
DROP INDEX quotes_speaker_actor;
DROP INDEX quotes_speaker_country;

-- dyad_days folded by month (month = YYYY-MM), kept by triggers on incidents like dyad_days:
-- a monthly or yearly series of a busy dyad reads a few hundred rows instead of thousands.
CREATE TABLE dyad_months (
  pair_key TEXT NOT NULL,
  modality TEXT NOT NULL,
  month TEXT NOT NULL,
  source_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  q1 INTEGER NOT NULL,
  q2 INTEGER NOT NULL,
  q3 INTEGER NOT NULL,
  q4 INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY (pair_key, modality, month, source_key, target_key)
) WITHOUT ROWID;

INSERT INTO dyad_months (pair_key, modality, month, source_key, target_key, n, q1, q2, q3, q4, goldstein_sum)
  SELECT pair_key, modality, substr(day, 1, 7), source_key, target_key, sum(n), sum(q1), sum(q2), sum(q3),
    sum(q4), sum(goldstein_sum)
  FROM dyad_days GROUP BY pair_key, modality, substr(day, 1, 7), source_key, target_key;

CREATE TRIGGER incidents_dyad_months_add AFTER INSERT ON incidents
WHEN new.target_key IS NOT NULL AND new.day IS NOT NULL BEGIN
  INSERT INTO dyad_months (pair_key, modality, month, source_key, target_key, n, q1, q2, q3, q4, goldstein_sum)
  VALUES (new.pair_key, new.modality, substr(new.day, 1, 7), new.source_key, new.target_key, 1,
    coalesce(new.quad_class = 1, 0), coalesce(new.quad_class = 2, 0), coalesce(new.quad_class = 3, 0),
    coalesce(new.quad_class = 4, 0),
    coalesce(new.goldstein, 0))
  ON CONFLICT (pair_key, modality, month, source_key, target_key) DO UPDATE SET
    n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3,
    q4 = q4 + excluded.q4, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
END;

CREATE TRIGGER incidents_dyad_months_remove AFTER DELETE ON incidents
WHEN old.target_key IS NOT NULL AND old.day IS NOT NULL BEGIN
  UPDATE dyad_months SET n = n - 1, q1 = q1 - coalesce(old.quad_class = 1, 0), q2 = q2 - coalesce(old.quad_class = 2, 0),
    q3 = q3 - coalesce(old.quad_class = 3, 0), q4 = q4 - coalesce(old.quad_class = 4, 0),
    goldstein_sum = goldstein_sum - coalesce(old.goldstein, 0)
  WHERE pair_key = old.pair_key AND modality = old.modality AND month = substr(old.day, 1, 7)
    AND source_key = old.source_key AND target_key = old.target_key;
  DELETE FROM dyad_months WHERE pair_key = old.pair_key AND modality = old.modality AND month = substr(old.day, 1, 7)
    AND source_key = old.source_key AND target_key = old.target_key AND n <= 0;
END;
