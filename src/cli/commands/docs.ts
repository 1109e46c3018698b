import { EntenteError } from "../../core/index.ts";
import type { Store } from "../../store/index.ts";
import { clip, printJson, table } from "../io.ts";

/** `entente docs`: the stored documents with title, date and outlet; `--json` prints a JSON array. */
export async function docs(
  store: Store,
  opts: { json?: boolean; limit?: number; outlet?: string; since?: string; until?: string },
): Promise<void> {
  const rows = await store.listDocs({
    limit: opts.limit,
    outlet: opts.outlet,
    since: opts.since,
    until: opts.until,
  });
  if (opts.json) {
    printJson(rows);
    return;
  }
  const total = await store.countDocs();
  const cells = rows.map((d) => [d.id, d.published ?? "", clip(d.outlet, 24), clip(d.title, 70)]);
  process.stdout.write(`${table([["ID", "PUBLISHED", "OUTLET", "TITLE"], ...cells])}\n`);
  process.stdout.write(`${rows.length} of ${total} documents\n`);
}

/** `entente show <id>`: a document's metadata, clean text and layers. */
export async function show(
  store: Store,
  id: string,
  opts: { json?: boolean; version?: number },
): Promise<void> {
  const doc = await store.getDoc(id, { version: opts.version });
  if (!doc) throw new EntenteError("E302", "see `entente docs` for the stored ids", id);
  if (opts.json) {
    printJson(doc);
    return;
  }
  const m = doc.meta;
  const head = [
    ["id", doc.id],
    ["title", m.title ?? ""],
    ["published", m.published ? `${m.published}${m.publishedFrom ? ` (from ${m.publishedFrom})` : ""}` : ""],
    ["outlet", m.outlet ?? ""],
    ["author", m.author ?? ""],
    ["url", m.canonicalUrl ?? m.url ?? ""],
    ["source", doc.source ? `${doc.source.uri} (${doc.source.format}, ${doc.source.encoding ?? "?"})` : ""],
  ].filter(([, v]) => v !== "");
  const layers = Object.entries(doc.layers)
    .map(([k, v]) => `${k} ${(v as unknown[]).length}`)
    .join(", ");
  process.stdout.write(`${table(head)}\nlayers  ${layers}\n`);
  if (doc.removed?.length) process.stdout.write(`removed ${doc.removed.length} boilerplate regions\n`);
  for (const d of doc.diagnostics) process.stdout.write(`${d.severity} ${d.code}: ${d.message}\n`);
  process.stdout.write("\n");
  const sentences = doc.layers.sentences ?? [];
  const paragraphs = doc.layers.paragraphs ?? [{ start: 0, end: doc.text.length }];
  let s = 0;
  for (const p of paragraphs) {
    const lines: string[] = [];
    while (s < sentences.length && sentences[s].end <= p.end) {
      lines.push(doc.text.slice(sentences[s].start, sentences[s].end));
      s++;
    }
    process.stdout.write(
      `${lines.length ? lines.map((l, i) => `${i === 0 ? "¶" : " "} ${l}`).join("\n") : `¶ ${doc.text.slice(p.start, p.end)}`}\n\n`,
    );
  }
}
