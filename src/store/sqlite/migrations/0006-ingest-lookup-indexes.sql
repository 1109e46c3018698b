-- Indexes for the look-ups every putDocs batch makes (incidents.ts), so that their cost does not
-- grow with the store:
--   * an event row by (doc_id, idx): candidate and member features, the pending queue's join.
--     Replaces events_doc (doc_id), whose every use it serves;
--   * incident candidates by block and date window, with hi and incident_id in the index, so the
--     window is filtered and answered from the index alone (incident_mentions is WITHOUT ROWID:
--     its key doc_id, idx is in every index). Replaces incident_mentions_block (pair_key,
--     modality, lo), a prefix of it.

CREATE INDEX events_doc_idx ON events (doc_id, idx);
DROP INDEX events_doc;

CREATE INDEX incident_mentions_window ON incident_mentions (pair_key, modality, lo, hi, incident_id);
DROP INDEX incident_mentions_block;
