export {
  defaultWorkers,
  formatIngestSummary,
  type IngestOptions,
  type IngestSummary,
  ingest,
} from "./ingest.ts";
