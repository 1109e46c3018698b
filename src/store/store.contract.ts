/**
 * The behaviour every {@link Store} must show, as one suite that each implementation runs (after
 * Hono's `router/common.case.test.ts`): `sqlite/sqlite-store.test.ts` runs it on a SQLite file,
 * and the PostgreSQL store will run it on a database. The fixture sentences are made up.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { type Doc, EntenteError, type Layers, surfaceSpan } from "../core/index.ts";
import { aggregateCases } from "./aggregate.contract.ts";
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
    const cases = {
      ...contractCases(() => store, {
        reopen: options.reopen
          ? async (s) => {
              const again = await options.reopen!(s);
              extra.push(again);
              return again;
            }
          : undefined,
      }),
      // Incidents, dyad series, graph and outlet profiles (aggregate.contract.ts).
      ...aggregateCases(
        () => store,
        async () => {
          const other = await open();
          extra.push(other);
          return other;
        },
      ),
    };
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

/** Where the `nth` (0-based) occurrence of `word` sits in `text`; the fixture must contain it. */
function spanOf(text: string, word: string, nth = 0): { start: number; end: number; surface: string } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(word, at + 1);
    assert.ok(at >= 0, `fixture text lacks ${word} #${nth}`);
  }
  return surfaceSpan(text, at, at + word.length);
}

/** Sentence spans of a fixture text whose sentences end in ". " (and the text in "."). */
function sentencesOf(
  text: string,
): Array<{ start: number; end: number; prov: { stage: string; rule: string } }> {
  return [...text.matchAll(/[^.]+\./g)].map((m) => {
    const lead = m[0].length - m[0].trimStart().length;
    return { start: m.index + lead, end: m.index + m[0].length, prov: { stage: "test", rule: "fixture" } };
  });
}

/** Canonical actors of the fact fixtures (real country codes, made-up sentences). */
const ACTORS = {
  iran: { id: "IRN.GOV", name: "Iran government", country: "IRN", sector: "GOV", code: "IRNGOV" },
  russia: { id: "RUS.GOV", name: "Russia government", country: "RUS", sector: "GOV", code: "RUSGOV" },
  china: { id: "CHN.GOV", name: "China government", country: "CHN", sector: "GOV", code: "CHNGOV" },
  lavrov: { id: "person:sergei-lavrov", name: "Sergei Lavrov", country: "RUS", sector: "GOV" },
  navy: { id: "IRN.MIL", name: "Iran military", country: "IRN", sector: "MIL", code: "IRNMIL" },
};

type EventSpec = {
  trigger: string;
  source: keyof typeof ACTORS;
  target?: keyof typeof ACTORS;
  cameo: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  modality?: "asserted" | "negated" | "hypothetical" | "future" | "historical";
  date?: string;
};

/**
 * A document whose mentions, events and quotes layers are built by hand: each `mentions` entry
 * is `[surface, actor]` (repeated surfaces take the next occurrence), quotes are `[content,
 * speaker name, actor?]`.
 */
export function factDoc(
  id: string,
  text: string,
  spec: {
    mentions: Array<[string, keyof typeof ACTORS]>;
    events: EventSpec[];
    quotes?: Array<[string, string, (keyof typeof ACTORS)?]>;
    meta?: Doc["meta"];
  },
): Doc {
  const prov = { stage: "test", rule: "fixture" };
  const seen = new Map<string, number>();
  const mentions = spec.mentions.map(([w, a]) => {
    const nth = seen.get(w) ?? 0;
    seen.set(w, nth + 1);
    return { ...spanOf(text, w, nth), type: "GPE" as const, actor: ACTORS[a], prov };
  });
  const sideOf = (a: keyof typeof ACTORS) => ({
    country: ACTORS[a].country,
    code: (ACTORS[a] as { code?: string }).code,
    name: ACTORS[a].name,
    actor: ACTORS[a],
  });
  const events = spec.events.map((e) => ({
    ...spanOf(text, e.trigger),
    source: sideOf(e.source),
    target: e.target ? sideOf(e.target) : null,
    cameo: e.cameo,
    root: e.cameo.slice(0, 2),
    quadClass: e.quadClass,
    goldstein: e.goldstein,
    modality: e.modality ?? "asserted",
    ...(e.date ? { date: e.date, datePrecision: "day" as const, dateSource: "text" as const } : {}),
    plover: { event: e.quadClass <= 2 ? "COOPERATE" : "ACCUSE", mode: "verbal" },
    prov: { stage: "events", rule: `verb.${e.cameo}` },
  }));
  const quotes = (spec.quotes ?? []).map(([content, name, a]) => ({
    ...spanOf(text, content),
    kind: "direct" as const,
    speaker: a ? { name, actor: ACTORS[a] } : { name },
    cue: spanOf(text, "said"),
    prov,
  }));
  return {
    id,
    text,
    meta: spec.meta ?? {},
    contentHash: `facts-${id}-${text.length}`,
    layers: { sentences: sentencesOf(text), mentions, events, quotes },
    diagnostics: [],
  };
}

/** Two documents with facts: "t1" (2024-03-01, Coastal Herald) and "t2" (2024-04-10, Inland Post). */
export function factDocs(): Doc[] {
  const t1 =
    'Iran and Russia signed a gas accord on Monday. Sergei Lavrov said "the pipeline will be built soon" there. China criticised Iran over the accord.';
  const t2 =
    "Russia hosted an Iran delegation in Moscow. Russia may sanction China, an aide said. The Iran navy held drills with Russia.";
  return [
    factDoc("t1", t1, {
      meta: { published: "2024-03-01", outlet: "Coastal Herald", title: "Gas accord" },
      mentions: [
        ["Iran", "iran"],
        ["Russia", "russia"],
        ["Sergei Lavrov", "lavrov"],
        ["China", "china"],
        ["Iran", "iran"],
      ],
      events: [
        {
          trigger: "signed",
          source: "iran",
          target: "russia",
          cameo: "057",
          quadClass: 1,
          goldstein: 8,
          date: "2024-02-26",
        },
        { trigger: "criticised", source: "china", target: "iran", cameo: "111", quadClass: 3, goldstein: -2 },
      ],
      quotes: [["the pipeline will be built soon", "Sergei Lavrov", "lavrov"]],
    }),
    factDoc("t2", t2, {
      meta: { published: "2024-04-10", outlet: "Inland Post" },
      mentions: [
        ["Russia", "russia"],
        ["Iran", "iran"],
        ["Russia", "russia"],
        ["China", "china"],
        ["Iran navy", "navy"],
        ["Russia", "russia"],
      ],
      events: [
        {
          trigger: "hosted",
          source: "russia",
          target: "iran",
          cameo: "043",
          quadClass: 1,
          goldstein: 2.8,
          date: "2024-04-09",
        },
        {
          trigger: "sanction",
          source: "russia",
          target: "china",
          cameo: "163",
          quadClass: 4,
          goldstein: -8,
          modality: "hypothetical",
        },
        {
          trigger: "held drills",
          source: "navy",
          target: "russia",
          cameo: "0421",
          quadClass: 1,
          goldstein: 1,
          date: "2024-04",
        },
      ],
      quotes: [["Russia may sanction China", "an aide"]],
    }),
  ];
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

    "facts of stored documents are queryable, each with its place and sentence": async () => {
      const s = get();
      const docs = factDocs();
      await s.putDocs(docs);
      const events = await s.listEvents();
      assert.equal(events.length, 5);
      const byId = new Map(docs.map((d) => [d.id, d]));
      const facts = [...events, ...(await s.listQuotes()), ...(await s.getActor("RUS.GOV"))!.mentions];
      for (const f of facts) {
        const text = byId.get(f.docId)!.text;
        assert.equal(text.slice(f.start, f.end), f.surface, JSON.stringify(f));
        assert.ok(f.sentence, `${f.surface} has a sentence`);
        assert.equal(text.slice(f.sentence.start, f.sentence.end), f.sentence.text);
        assert.ok(f.sentence.start <= f.start && f.end <= f.sentence.end);
      }
      const signed = events.find((e) => e.surface === "signed")!;
      assert.deepEqual(signed, {
        docId: "t1",
        ...spanOf(docs[0].text, "signed"),
        source: { country: "IRN", code: "IRNGOV", name: "Iran government", actorId: "IRN.GOV" },
        target: { country: "RUS", code: "RUSGOV", name: "Russia government", actorId: "RUS.GOV" },
        cameo: "057",
        root: "05",
        quadClass: 1,
        goldstein: 8,
        modality: "asserted",
        date: "2024-02-26",
        datePrecision: "day",
        dateSource: "text",
        plover: { event: "COOPERATE", mode: "verbal" },
        rule: "verb.057",
        published: "2024-03-01",
        outlet: "Coastal Herald",
        sentence: { start: 0, end: 46, text: "Iran and Russia signed a gas accord on Monday." },
      });
      assert.deepEqual(
        events.map((e) => [e.docId, e.surface]),
        [
          ["t2", "sanction"], // undated: filed under its publication date 2024-04-10
          ["t2", "hosted"],
          ["t2", "held drills"], // 2024-04 sorts before 2024-04-09
          ["t1", "criticised"],
          ["t1", "signed"],
        ],
        "newest first by event date, else publication date",
      );
    },

    "listEvents filters by actor, countries, dyad, codes, modality, dates and outlet": async () => {
      const s = get();
      await s.putDocs(factDocs());
      const cases: Array<[Parameters<Store["listEvents"]>[0], string[]]> = [
        [{ actor: "IRN.GOV" }, ["hosted", "criticised", "signed"]],
        [{ actor: "IRN.MIL" }, ["held drills"]],
        [{ source: "RUS" }, ["sanction", "hosted"]],
        [{ target: "IRN" }, ["hosted", "criticised"]],
        [{ source: "IRN", target: "RUS" }, ["held drills", "signed"]],
        [{ dyad: ["RUS", "IRN"] }, ["hosted", "held drills", "signed"]],
        [{ dyad: ["IRN", "RUS"] }, ["hosted", "held drills", "signed"]],
        [{ dyad: ["CHN", "IRN"] }, ["criticised"]],
        [{ cameo: "04" }, ["hosted", "held drills"]], // a prefix covers finer codes
        [{ cameo: "042" }, ["held drills"]],
        [{ cameo: "0421" }, ["held drills"]],
        [{ cameo: "05" }, ["signed"]],
        [{ root: "16" }, ["sanction"]],
        [{ quad: 1 }, ["hosted", "held drills", "signed"]],
        [{ quad: 3 }, ["criticised"]],
        [{ modality: "hypothetical" }, ["sanction"]],
        [{ modality: "negated" }, []],
        [{ since: "2024-03-01" }, ["sanction", "hosted", "held drills", "criticised"]],
        [{ until: "2024-02-28" }, ["signed"]],
        [{ until: "2024-03" }, ["criticised", "signed"]],
        [{ since: "2024-04-10", until: "2024-04-10" }, ["sanction"]],
        [{ outlet: "Coastal Herald" }, ["criticised", "signed"]],
        [{ outlet: "Inland Post", quad: 4 }, ["sanction"]],
        [{ source: "XXX" }, []],
        [{ limit: 2 }, ["sanction", "hosted"]],
        [{ limit: 2, offset: 3 }, ["criticised", "signed"]],
      ];
      for (const [q, expected] of cases) {
        assert.deepEqual(
          (await s.listEvents(q)).map((e) => e.surface),
          expected,
          JSON.stringify(q),
        );
      }
    },

    "listActors counts mentions, documents, events and quotes, most mentioned first": async () => {
      const s = get();
      await s.putDocs(factDocs());
      const all = await s.listActors();
      assert.deepEqual(
        all.map((a) => [a.id, a.mentions, a.docs, a.events, a.quotes]),
        [
          ["RUS.GOV", 4, 2, 4, 0],
          ["IRN.GOV", 3, 2, 3, 0],
          ["CHN.GOV", 2, 2, 2, 0],
          ["IRN.MIL", 1, 1, 1, 0],
          ["person:sergei-lavrov", 1, 1, 0, 1],
        ],
      );
      assert.deepEqual(all[0], {
        id: "RUS.GOV",
        name: "Russia government",
        country: "RUS",
        sector: "GOV",
        code: "RUSGOV",
        mentions: 4,
        docs: 2,
        events: 4,
        quotes: 0,
      });
      const cases: Array<[Parameters<Store["listActors"]>[0], string[]]> = [
        [{ country: "IRN" }, ["IRN.GOV", "IRN.MIL"]],
        [{ country: "RUS", sector: "GOV" }, ["RUS.GOV", "person:sergei-lavrov"]],
        [{ sector: "MIL" }, ["IRN.MIL"]],
        [{ q: "lavrov" }, ["person:sergei-lavrov"]],
        [{ q: "IRN." }, ["IRN.GOV", "IRN.MIL"]],
        [{ q: "%" }, []], // LIKE wildcards are taken literally
        [{ limit: 1, offset: 1 }, ["IRN.GOV"]],
      ];
      for (const [q, expected] of cases) {
        assert.deepEqual(
          (await s.listActors(q)).map((a) => a.id),
          expected,
          JSON.stringify(q),
        );
      }
    },

    "getActor gives the actor and its mentions with their sentences": async () => {
      const s = get();
      const docs = factDocs();
      await s.putDocs(docs);
      const got = await s.getActor("IRN.GOV");
      assert.ok(got);
      assert.equal(got.actor.name, "Iran government");
      assert.equal(got.actor.mentions, 3);
      assert.deepEqual(
        got.mentions.map((m) => [m.docId, m.start, m.surface, m.type, m.published, m.sentence?.text]),
        [
          [
            "t2",
            docs[1].text.indexOf("Iran"),
            "Iran",
            "GPE",
            "2024-04-10",
            "Russia hosted an Iran delegation in Moscow.",
          ],
          ["t1", 0, "Iran", "GPE", "2024-03-01", "Iran and Russia signed a gas accord on Monday."],
          [
            "t1",
            docs[0].text.lastIndexOf("Iran"),
            "Iran",
            "GPE",
            "2024-03-01",
            "China criticised Iran over the accord.",
          ],
        ],
        "newest document first, then by offset",
      );
      assert.equal(got.mentions[1].title, "Gas accord");
      assert.equal(got.mentions[1].outlet, "Coastal Herald");
      assert.equal((await s.getActor("IRN.GOV", { limit: 1, offset: 1 }))?.mentions[0].docId, "t1");
      assert.equal(await s.getActor("nobody"), undefined);
    },

    "listQuotes filters by speaker, country, words and dates": async () => {
      const s = get();
      await s.putDocs(factDocs());
      const all = await s.listQuotes();
      const t1 = factDocs()[0].text;
      assert.deepEqual(all[1], {
        docId: "t1",
        ...spanOf(t1, "the pipeline will be built soon"),
        kind: "direct",
        speaker: { name: "Sergei Lavrov", actorId: "person:sergei-lavrov", country: "RUS" },
        cue: "said",
        published: "2024-03-01",
        outlet: "Coastal Herald",
        sentence: {
          start: t1.indexOf("Sergei"),
          end: t1.indexOf("there.") + 6,
          text: 'Sergei Lavrov said "the pipeline will be built soon" there.',
        },
      });
      assert.deepEqual(all[0].speaker, { name: "an aide" });
      const cases: Array<[Parameters<Store["listQuotes"]>[0], string[]]> = [
        [{}, ["t2", "t1"]],
        [{ speaker: "lavrov" }, ["t1"]],
        [{ speaker: "person:sergei-lavrov" }, ["t1"]],
        [{ speaker: "aide" }, ["t2"]],
        [{ country: "RUS" }, ["t1"]],
        [{ q: "PIPELINE" }, ["t1"]],
        [{ q: "sanction" }, ["t2"]],
        [{ since: "2024-04-01" }, ["t2"]],
        [{ until: "2024-03" }, ["t1"]],
        [{ outlet: "Inland Post" }, ["t2"]],
        [{ limit: 1 }, ["t2"]],
      ];
      for (const [q, expected] of cases) {
        assert.deepEqual(
          (await s.listQuotes(q)).map((x) => x.docId),
          expected,
          JSON.stringify(q),
        );
      }
    },

    "a new version replaces its document's facts; unchanged content and other documents keep theirs":
      async () => {
        const s = get();
        const [t1, t2] = factDocs();
        await s.putDocs([t1, t2]);
        const t2Events = await s.listEvents({ outlet: "Inland Post" });
        const text = "China and Iran met in Beijing. Nothing was signed.";
        const t1v2 = factDoc("t1", text, {
          meta: { published: "2024-05-01", outlet: "Coastal Herald" },
          mentions: [
            ["China", "china"],
            ["Iran", "iran"],
          ],
          events: [
            { trigger: "met", source: "china", target: "iran", cameo: "040", quadClass: 1, goldstein: 1 },
          ],
        });
        assert.equal((await s.putDoc(t1v2)).status, "version");
        const t1Events = (await s.listEvents()).filter((e) => e.docId === "t1");
        assert.deepEqual(
          t1Events.map((e) => [e.surface, e.start, e.published, e.sentence?.text]),
          [["met", text.indexOf("met"), "2024-05-01", "China and Iran met in Beijing."]],
        );
        assert.deepEqual(
          await s.listEvents({ outlet: "Inland Post" }),
          t2Events,
          "other documents untouched",
        );
        assert.deepEqual(await s.listQuotes({ speaker: "lavrov" }), [], "the old version's quotes are gone");
        assert.equal(await s.getActor("person:sergei-lavrov").then((a) => a?.mentions.length), 0);
        assert.ok(
          !(await s.listActors()).some((a) => a.id === "person:sergei-lavrov"),
          "an actor with no fact left is not listed",
        );

        // Same content again with other layers: unchanged, so the facts stay those of version 2.
        const again = factDoc("t1", text, {
          mentions: [["Beijing", "china"]],
          events: [],
        });
        assert.equal((await s.putDoc(again)).status, "unchanged");
        assert.deepEqual(
          (await s.listEvents()).filter((e) => e.docId === "t1").map((e) => e.surface),
          ["met"],
        );
        // An old content under the same id is unchanged too: its facts do not come back.
        assert.equal((await s.putDoc(t1)).status, "unchanged");
        assert.deepEqual(
          (await s.listEvents()).filter((e) => e.docId === "t1").map((e) => e.surface),
          ["met"],
        );
      },

    "a failed batch writes no facts": async () => {
      const s = get();
      const [t1, t2] = factDocs();
      await s.putDoc(t1);
      const before = await s.listEvents();
      await rejectsWith(s.putDocs([t2, { ...t1, id: "" }]), "E105");
      assert.deepEqual(await s.listEvents(), before);
      assert.deepEqual((await s.listActors()).map((a) => a.id).sort(), [
        "CHN.GOV",
        "IRN.GOV",
        "RUS.GOV",
        "person:sergei-lavrov",
      ]);
    },

    "facts that do not fit the text are left out, the layer is kept": async () => {
      const s = get();
      const [t1] = factDocs();
      const bad = structuredClone(t1);
      const events = bad.layers.events!;
      events[0] = { ...events[0], start: -1 };
      events[1] = { ...events[1], end: t1.text.length + 5 };
      await s.putDoc(bad);
      assert.deepEqual(await s.listEvents(), []);
      assert.equal((await s.listQuotes()).length, 1);
      assert.deepEqual((await s.getDoc("t1"))?.layers.events, JSON.parse(JSON.stringify(events)));
    },

    "documents without fact layers have no facts": async () => {
      const s = get();
      const bare: Doc = { id: "x", text: "Nothing here.", meta: {}, layers: {}, diagnostics: [] };
      await s.putDoc(bare);
      assert.deepEqual(await s.listActors(), []);
      assert.deepEqual(await s.listEvents(), []);
      assert.deepEqual(await s.listQuotes(), []);
    },

    "reindexFacts rebuilds the same rows": async () => {
      const s = get();
      await s.putDocs(factDocs());
      const before = [
        await s.listEvents(),
        await s.listQuotes(),
        await s.listActors(),
        await s.getActor("RUS.GOV"),
      ];
      assert.equal(await s.reindexFacts(), 2);
      assert.deepEqual(
        [await s.listEvents(), await s.listQuotes(), await s.listActors(), await s.getActor("RUS.GOV")],
        before,
      );
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
      assert.deepEqual(
        (await again.listEvents()).map((e) => [e.docId, e.surface]),
        [["a", "signed"]],
        "the facts of the latest version are kept",
      );
    },
  };
}
