/**
 * JSON Lines of incidents: one `Incident` (src/aggregate/types.ts) per line, with every mention,
 * its span (`start`/`end`, UTF-16 offsets into its document's text), surface and sentence.
 * `JSON.parse` of a line gives back the incident as it was.
 */
import type { Incident } from "../aggregate/types.ts";
import { LineSink, type RowSource } from "./stream.ts";

/** Streams incidents to `out`, one JSON object a line. Resolves with the line count; does not end `out`. */
export async function writeJsonl(
  incidents: RowSource<Incident>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const sink = new LineSink(out);
  let n = 0;
  for await (const incident of incidents) {
    // JSON.stringify escapes line breaks inside strings, so one incident is always one line.
    await sink.push(`${JSON.stringify(incident)}\n`);
    n++;
  }
  await sink.flush();
  return n;
}
