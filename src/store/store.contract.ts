/**
 * The behaviour every {@link Store} must show, as one suite that each implementation runs (after
 * Hono's `router/common.case.test.ts`): `sqlite/sqlite-store.test.ts` runs it on a SQLite file,
 * and the PostgreSQL store will run it on a database. The fixture sentences are made up.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { type Doc, EntenteError, type Layers, surfaceSpan } from "../core/index.ts";
import type { Store } from "./store.ts";

/** How {@link runStoreContract} reaches an implementation beyond opening a fresh, empty store. */
export interface ContractOptions {
  /** Opens the same database as `closed` again, after `closed.close()`. Without it the persistence case is skipped. */
  reopen?: (closed: Store) => Promise<Store> | Store;
  /** Cases this implementation skips, by case name, with the reason (shown as the skip message). */
  skip?: Readonly<Record<string, string>>;
}

/**
 * Registers the contract suite under `describe(name)`. `open` must return a new, EMPTY store
 * each call; the suite closes every store it opened.
 */
export function runStoreContract(
  name: string,
  open: () => Promise<Store> | Store,
  options: ContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let extra: Store[] = [];
    beforeEach(async () => {
      store = await open();
      extra = [];
    });
    afterEach(async () => {
      for (const s of [store, ...extra]) await s.close();
    });
    const cases = contractCases(() => store, {
      reopen: options.reopen
        ? async (s) => {
            const again = await options.reopen!(s);
            extra.push(again);
            return again;
          }
        : undefined,
    });
    for (const [caseName, body] of Object.entries(cases)) {
      const reason =
        options.skip?.[caseName] ??
        (caseName === "persists across close and reopen" && !options.reopen ? "no reopen given" : undefined);
      test(caseName, reason ? { skip: reason } : {}, body);
    }
  });
}

/** Asserts that `p` rejects with an {@link EntenteError} of `code`. */
async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof EntenteError, `expected EntenteError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

/** A document with every part the contract stores: meta, source, hash, removed, offsets, diagnostics, all layers. */
export function fullDoc(
  id: string,
  text: string,
  meta: Doc["meta"] = {},
  hash = `hash-${id}-${text.length}`,
): Doc {
  const prov = { stage: "test", rule: "fixture" };
  const word = (w: string): { start: number; end: number; surface: string } => {
    const at = text.indexOf(w);
    assert.ok(at >= 0, `fixture text lacks ${w}`);
    return surfaceSpan(text, at, at + w.length);
  };
  const firstEnd = text.indexOf(".") + 1;
  const layers: Partial<Layers> = {
    paragraphs: [{ start: 0, end: text.length, kind: "p", prov }],
    sentences: [{ start: 0, end: firstEnd, prov }],
    tokens: [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, pos: "X" })),
    mentions: [
      {
        ...word("Arvenia"),
        type: "GPE",
        actor: { id: "ARV.GOV", name: "Arvenia", country: "ARV", sector: "GOV" },
        prov,
      },
    ],
    events: [
      {
        ...word("signed"),
        source: { country: "ARV", name: "Arvenia", mention: word("Arvenia") },
        target: null,
        cameo: "057",
        root: "05",
        quadClass: 1,
        goldstein: 8,
        modality: "asserted",
        date: "2024-05-02",
        plover: { event: "AGREE" },
        sentence: { start: 0, end: firstEnd },
        prov,
      },
    ],
    quotes: [],
    times: [{ ...word("Tuesday"), value: "2024-05-02", prov }],
    amounts: [{ ...word("12"), value: 12, unit: "agreements", prov }],
  };
  return {
    id,
    text,
    meta: { title: `Title of ${id}`, language: "en", ...meta },
    source: { uri: `fixtures/${id}.html`, format: "html", encoding: "utf-8" },
    contentHash: hash,
    removed: [{ start: 0, end: 4, surface: "Menu", rule: "nav" }],
    offsets: { segments: [{ cleanStart: 0, rawStart: 10, length: text.length }] },
    layers,
    diagnostics: [
      {
        code: "W102",
        message: "no date",
        severity: "warning",
        stage: "extract",
        place: { start: 0, end: 1 },
      },
    ],
  };
}

const TEXT_A = "Arvenia signed 12 agreements with Belmark on Tuesday. The ministers met in the capital.";
const TEXT_B = "Arvenia signed 12 trade protocols on Tuesday after talks on fisheries quotas.";
const TEXT_C = "Officials in Arvenia signed 12 letters on Tuesday. Nothing else was agreed.";

/** The cases, by name; `get()` gives the store opened for the current case. */
function contractCases(
  get: () => Store,
  h: { reopen?: (s: Store) => Promise<Store> },
): Record<string, () => Promise<void>> {
  return {
    "puts a new document": async () => {
      const s = get();
      assert.deepEqual(await s.putDoc(fullDoc("a", TEXT_A)), { status: "new", docId: "a", version: 1 });
      assert.equal(await s.countDocs(), 1);
    },

    "same id and content is unchanged and writes nothing": async () => {
      const s = get();
      await s.putDoc(fullDoc("a", TEXT_A));
      const again = fullDoc("a", TEXT_A);
      again.layers = {}; // different layers, same content: still a no-op
      assert.deepEqual(await s.putDoc(again), { status: "unchanged", docId: "a", version: 1 });
      assert.deepEqual((await s.stats()).versions, 1);
      assert.ok((await s.getDoc("a"))?.layers.tokens, "the first layers are kept");
    },

    "same id with new content adds a version and keeps the old one": async () => {
      const s = get();
      const v1 = fullDoc("a", TEXT_A, { published: "2024-05-01" });
      const v2 = fullDoc("a", TEXT_B, { published: "2024-05-03" });
      await s.putDoc(v1);
      assert.deepEqual(await s.putDoc(v2), { status: "version", docId: "a", version: 2 });
      assert.equal(await s.countDocs(), 1);
      assert.equal((await s.getDoc("a"))?.text, TEXT_B, "latest by default");
      assert.equal((await s.getDoc("a", { version: 1 }))?.text, TEXT_A);
      // Content of any earlier version is recognised, not stored a third time.
      assert.deepEqual(await s.putDoc(fullDoc("a", TEXT_A)), { status: "unchanged", docId: "a", version: 1 });
      assert.equal((await s.getDoc("a"))?.text, TEXT_B, "an old content does not become latest again");
      assert.equal((await s.versions("a")).length, 2);
    },

    "same content under another id is unchanged and points at the first id": async () => {
      const s = get();
      await s.putDoc(fullDoc("a", TEXT_A, {}, "shared-hash"));
      assert.deepEqual(await s.putDoc(fullDoc("mirror-of-a", TEXT_A, {}, "shared-hash")), {
        status: "unchanged",
        docId: "a",
        version: 1,
      });
      assert.equal(await s.getDoc("mirror-of-a"), undefined);
      assert.equal(await s.countDocs(), 1);
    },

    "a document without contentHash is keyed by its text": async () => {
      const s = get();
      const bare = (id: string, text: string): Doc => ({ id, text, meta: {}, layers: {}, diagnostics: [] });
      assert.equal((await s.putDoc(bare("x", TEXT_A))).status, "new");
      assert.equal((await s.putDoc(bare("x", TEXT_A))).status, "unchanged");
      assert.deepEqual(await s.putDoc(bare("y", TEXT_A)), { status: "unchanged", docId: "x", version: 1 });
      assert.equal((await s.putDoc(bare("x", TEXT_B))).status, "version");
      const got = await s.getDoc("x");
      assert.match(got?.contentHash ?? "", /^[0-9a-f]{64}$/);
      assert.deepEqual({ ...got, contentHash: undefined }, { ...bare("x", TEXT_B), contentHash: undefined });
    },

    "getDoc returns what was put (layers, meta, source, diagnostics, offsets, removed)": async () => {
      const s = get();
      const doc = fullDoc("a", `${TEXT_A} Emoji 🌍 and “quotes”.`, {
        published: "2024-05-02",
        publishedAt: "2024-05-02T09:30:00+03:00",
        publishedFrom: "meta",
        author: "R. Writer",
        outlet: "Coastal Herald",
        url: "https://example.org/a",
        canonicalUrl: "https://example.org/a?canonical",
        dateline: "PORTVILLE, May 2",
      });
      const expected = JSON.parse(JSON.stringify(doc));
      await s.putDoc(doc);
      assert.deepEqual(await s.getDoc("a"), expected);
      assert.deepEqual(doc, expected, "putDoc does not modify its input");
    },

    "getDoc is undefined for an unknown id or version": async () => {
      const s = get();
      await s.putDoc(fullDoc("a", TEXT_A));
      assert.equal(await s.getDoc("nope"), undefined);
      assert.equal(await s.getDoc("a", { version: 2 }), undefined);
      assert.deepEqual(await s.versions("nope"), []);
    },

    "layers belong to their version": async () => {
      const s = get();
      const v1 = fullDoc("a", TEXT_A);
      // Tokens with an extra field must come back whole, however an implementation packs tokens.
      v1.layers = { tokens: v1.layers.tokens!.map((t, i) => (i === 0 ? { ...t, lemma: "arvenia" } : t)) };
      const v2 = fullDoc("a", TEXT_C);
      await s.putDocs([v1, v2]);
      assert.deepEqual((await s.getDoc("a", { version: 1 }))!.layers, JSON.parse(JSON.stringify(v1.layers)));
      assert.deepEqual((await s.getDoc("a"))!.layers, JSON.parse(JSON.stringify(v2.layers)));
    },

    "versions lists every version oldest first": async () => {
      const s = get();
      const v1 = fullDoc("a", TEXT_A, { published: "2024-05-01" });
      v1.layers = { sentences: v1.layers.sentences, tokens: v1.layers.tokens };
      const text2 = "Arvenia signed 12 pacts on Tuesday 🌍.";
      await s.putDoc(v1);
      await s.putDoc(fullDoc("a", text2, { title: "Second" }));
      const list = await s.versions("a");
      assert.deepEqual(
        list.map((v) => [v.version, v.contentHash, v.title, v.published, v.textLength, v.layers]),
        [
          [1, v1.contentHash, "Title of a", "2024-05-01", TEXT_A.length, ["sentences", "tokens"]],
          [
            2,
            `hash-a-${text2.length}`,
            "Second",
            undefined,
            text2.length,
            ["amounts", "events", "mentions", "paragraphs", "quotes", "sentences", "times", "tokens"],
          ],
        ],
      );
      for (const v of list) assert.ok(!Number.isNaN(Date.parse(v.ingestedAt)), v.ingestedAt);
    },

    "listDocs orders by published descending, undated last, then id": async () => {
      const s = get();
      await s.putDocs([
        fullDoc("b", TEXT_A, { published: "2024-05-01" }),
        fullDoc("undated", TEXT_B),
        fullDoc("c", TEXT_C, { published: "2024-06-10" }),
        fullDoc("a", `${TEXT_C} More.`, { published: "2024-05-01" }),
      ]);
      assert.deepEqual(
        (await s.listDocs()).map((d) => d.id),
        ["c", "a", "b", "undated"],
      );
    },

    "listDocs summarises the latest version": async () => {
      const s = get();
      const text = "Arvenia signed 12 pacts on Tuesday 🌍.";
      await s.putDoc(fullDoc("a", TEXT_A, { outlet: "Old Outlet" }));
      await s.putDoc(
        fullDoc("a", text, {
          published: "2024-05-02",
          outlet: "Coastal Herald",
          url: "https://example.org/a",
        }),
      );
      const [row] = await s.listDocs();
      const { ingestedAt, ...rest } = row;
      assert.deepEqual(rest, {
        id: "a",
        title: "Title of a",
        published: "2024-05-02",
        outlet: "Coastal Herald",
        url: "https://example.org/a",
        versions: 2,
        latestVersion: 2,
        textLength: text.length, // UTF-16 code units: the emoji counts 2
      });
      assert.ok(!Number.isNaN(Date.parse(ingestedAt)));
    },

    "listDocs and countDocs filter by outlet, dates and words, and page": async () => {
      const s = get();
      await s.putDocs([
        fullDoc("a", TEXT_A, { published: "2024-03-05", outlet: "Coastal Herald" }),
        fullDoc("b", TEXT_B, { published: "2024-04-20", outlet: "Coastal Herald" }),
        fullDoc("c", TEXT_C, { published: "2024-05-01", outlet: "Inland Post" }),
        fullDoc("d", `${TEXT_C} Also fisheries.`, { outlet: "Inland Post" }),
      ]);
      const ids = async (o: Parameters<Store["listDocs"]>[0]) => (await s.listDocs(o)).map((d) => d.id);
      const cases: Array<[Parameters<Store["listDocs"]>[0], string[]]> = [
        [{ outlet: "Coastal Herald" }, ["b", "a"]],
        [{ outlet: "Nobody" }, []],
        [{ since: "2024-04-20" }, ["c", "b"]],
        [{ until: "2024-04-19" }, ["a"]],
        [{ until: "2024-04" }, ["b", "a"]], // a partial bound covers its whole month
        [{ since: "2024-04-01", until: "2024-04-30" }, ["b"]],
        [{ q: "fisheries" }, ["b", "d"]],
        [{ q: "fisheries", outlet: "Inland Post" }, ["d"]],
        [{ q: "" }, ["c", "b", "a", "d"]], // nothing searchable: no filter
        [{ limit: 2 }, ["c", "b"]],
        [{ limit: 2, offset: 2 }, ["a", "d"]],
      ];
      for (const [opts, expected] of cases) {
        assert.deepEqual(await ids(opts), expected, JSON.stringify(opts));
        const { limit: _l, offset: _o, ...filter } = opts ?? {};
        if (opts?.limit === undefined)
          assert.equal(await s.countDocs(filter), expected.length, JSON.stringify(opts));
      }
      assert.equal(await s.countDocs(), 4);
    },

    "search finds a word in the latest text and marks it in the snippet": async () => {
      const s = get();
      await s.putDocs([
        fullDoc("a", TEXT_A, { published: "2024-05-02" }),
        fullDoc("b", TEXT_B),
        fullDoc("c", TEXT_C, { title: "Fisheries letters" }),
      ]);
      const hits = await s.search("fisheries");
      assert.deepEqual(
        hits.map((h) => h.id),
        ["c", "b"],
        "a title match ranks first",
      );
      assert.match(hits.find((h) => h.id === "b")!.snippet, /\*\*fisheries\*\*/);
      assert.equal(hits[0].title, "Fisheries letters");
      assert.ok(hits[0].score >= hits[1].score);
      assert.deepEqual(
        (await s.search("ministers capital")).map((h) => [h.id, h.published]),
        [["a", "2024-05-02"]],
      );
      assert.deepEqual((await s.search("FISHER*")).length, 2, "prefix and case-insensitive");
      assert.deepEqual(await s.search('Arvenia-Belmark: "talks'), [], "punctuation cannot break the query");
      assert.deepEqual(await s.search("  "), []);
      assert.equal((await s.search("Arvenia", 1)).length, 1);
    },

    "search ignores text only older versions had": async () => {
      const s = get();
      await s.putDoc(fullDoc("a", TEXT_A));
      await s.putDoc(fullDoc("a", TEXT_B));
      assert.deepEqual(await s.search("ministers"), []);
      assert.deepEqual(
        (await s.search("fisheries")).map((h) => h.id),
        ["a"],
      );
    },

    "putDocs returns statuses in input order, later items seeing earlier ones": async () => {
      const s = get();
      await s.putDoc(fullDoc("old", TEXT_C));
      const res = await s.putDocs([
        fullDoc("a", TEXT_A),
        fullDoc("a", TEXT_B),
        fullDoc("copy", TEXT_A, {}, fullDoc("a", TEXT_A).contentHash),
        fullDoc("old", TEXT_C),
      ]);
      assert.deepEqual(res, [
        { status: "new", docId: "a", version: 1 },
        { status: "version", docId: "a", version: 2 },
        { status: "unchanged", docId: "a", version: 1 },
        { status: "unchanged", docId: "old", version: 1 },
      ]);
      assert.deepEqual(await s.putDocs([]), []);
    },

    "a batch with one malformed document writes nothing": async () => {
      const s = get();
      await s.putDoc(fullDoc("kept", TEXT_A));
      const before = await s.stats();
      const bad = { ...fullDoc("", TEXT_C) };
      await rejectsWith(s.putDocs([fullDoc("b", TEXT_B), fullDoc("kept", TEXT_C), bad]), "E105");
      assert.deepEqual(await s.stats(), before);
      assert.equal(
        (await s.getDoc("kept"))?.text,
        TEXT_A,
        "the new version in the failed batch was rolled back",
      );
      assert.equal(await s.getDoc("b"), undefined);
      // A layer that cannot be written as JSON fails the same way, after the valid items were written.
      const unserialisable = fullDoc("z", "Arvenia signed 12 deals on Tuesday. Done.");
      (unserialisable.layers as Record<string, unknown>).tokens = [{ start: 0, end: 1, pos: 1n }];
      await rejectsWith(s.putDocs([fullDoc("b", TEXT_B), unserialisable]), "E105");
      assert.deepEqual(await s.stats(), before);
    },

    "putDoc rejects malformed documents with E105": async () => {
      const s = get();
      const good = fullDoc("a", TEXT_A);
      const cases: Array<[string, unknown]> = [
        ["empty id", { ...good, id: "" }],
        ["numeric id", { ...good, id: 7 }],
        ["no text", { ...good, text: undefined }],
        ["layers is an array", { ...good, layers: [] }],
        ["no diagnostics", { ...good, diagnostics: undefined }],
        ["meta is null", { ...good, meta: null }],
        ["empty contentHash", { ...good, contentHash: "" }],
      ];
      for (const [label, doc] of cases) {
        await rejectsWith(s.putDoc(doc as Doc), "E105").catch((err) => {
          throw new Error(`${label}: ${err.message}`);
        });
      }
      assert.equal(await s.countDocs(), 0);
    },

    "stats counts documents, versions and layers of latest versions": async () => {
      const s = get();
      assert.deepEqual(await s.stats(), { documents: 0, versions: 0, layers: {} });
      const a1 = fullDoc("a", TEXT_A);
      a1.layers = { sentences: a1.layers.sentences, tokens: a1.layers.tokens, events: a1.layers.events };
      const a2 = fullDoc("a", TEXT_B);
      a2.layers = { sentences: a2.layers.sentences };
      const b = fullDoc("b", TEXT_C);
      b.layers = { sentences: b.layers.sentences, tokens: b.layers.tokens };
      await s.putDocs([a1, a2, b]);
      assert.deepEqual(await s.stats(), { documents: 2, versions: 3, layers: { sentences: 2, tokens: 1 } });
    },

    "persists across close and reopen": async () => {
      const s = get();
      const doc = fullDoc("a", TEXT_A, { published: "2024-05-02", outlet: "Coastal Herald" });
      await s.putDocs([doc, fullDoc("a", TEXT_B)]);
      await s.close();
      const again = await h.reopen!(s);
      assert.deepEqual(await again.getDoc("a", { version: 1 }), JSON.parse(JSON.stringify(doc)));
      assert.equal((await again.versions("a")).length, 2);
      assert.deepEqual(
        (await again.search("fisheries")).map((x) => x.id),
        ["a"],
      );
      assert.equal((await again.putDoc(fullDoc("a", TEXT_B))).status, "unchanged");
    },
  };
}
