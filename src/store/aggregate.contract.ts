/**
 * Contract cases of the aggregate store methods (incidents, dyad series, relations graph,
 * outlet profiles), run by `runStoreContract` beside the document and fact cases. Hand-built
 * fact documents (`factDoc`), real country codes, made-up sentences.
 */
import assert from "node:assert/strict";
import type { Doc } from "../core/index.ts";
import { factDoc } from "./store.contract.ts";
import type { Store } from "./store.ts";

const meet = (
  id: string,
  text: string,
  opts: {
    trigger: string;
    source: "iran" | "russia" | "china" | "lavrov" | "navy";
    target: "iran" | "russia" | "china" | "lavrov" | "navy";
    cameo?: string;
    quadClass?: 1 | 2 | 3 | 4;
    goldstein?: number;
    date?: string;
    modality?: "asserted" | "hypothetical";
    published: string;
    outlet: string;
  },
): Doc =>
  factDoc(id, text, {
    meta: { published: opts.published, outlet: opts.outlet, url: `https://example.org/${id}` },
    mentions: [],
    events: [
      {
        trigger: opts.trigger,
        source: opts.source,
        target: opts.target,
        cameo: opts.cameo ?? "040",
        quadClass: opts.quadClass ?? 1,
        goldstein: opts.goldstein ?? 1,
        date: opts.date,
        modality: opts.modality,
      },
    ],
  });

/** Reports of one Iran–Russia meeting (a, b, c), a meeting a month later (d), China–Iran criticism (e). */
function meetingDocs(): Record<"a" | "b" | "c" | "d" | "e", Doc> {
  return {
    a: meet("a", "Iran met Russia in Moscow on Wednesday.", {
      trigger: "met",
      source: "iran",
      target: "russia",
      date: "2024-02-28",
      published: "2024-02-28",
      outlet: "Coastal Herald",
    }),
    b: meet("b", "Sergei Lavrov met the Iranian delegation.", {
      trigger: "met",
      source: "lavrov",
      target: "iran",
      date: "2024-02-28",
      published: "2024-03-01",
      outlet: "Inland Post",
    }),
    c: meet("c", "Russia hosted Iran this week.", {
      trigger: "hosted",
      source: "russia",
      target: "iran",
      cameo: "043",
      goldstein: 2.8,
      published: "2024-02-29",
      outlet: "Coastal Herald",
    }),
    d: meet("d", "Iran met Russia again in April.", {
      trigger: "met",
      source: "iran",
      target: "russia",
      date: "2024-04-03",
      published: "2024-04-03",
      outlet: "Inland Post",
    }),
    e: meet("e", "China criticised Iran on Wednesday.", {
      trigger: "criticised",
      source: "china",
      target: "iran",
      cameo: "111",
      quadClass: 3,
      goldstein: -2,
      date: "2024-02-28",
      published: "2024-02-28",
      outlet: "Coastal Herald",
    }),
  };
}

/** Incidents as comparable data: id, members, counts. */
async function shape(s: Store): Promise<unknown[]> {
  return (await s.listIncidents({ modality: "any", withMentions: true })).map((i) => [
    i.id,
    i.numArticles,
    i.numSources,
    i.date,
    i.mentions.map((m) => m.docId).sort(),
  ]);
}

/** The cases, by name; `get()` is the store of the current case, `fresh()` opens another empty one. */
export function aggregateCases(
  get: () => Store,
  fresh: () => Promise<Store>,
): Record<string, () => Promise<void>> {
  return {
    "incidents merge reports of one happening across documents, and explain why": async () => {
      const s = get();
      const d = meetingDocs();
      await s.putDocs([d.a, d.b, d.c, d.d, d.e]);
      const all = await s.listIncidents();
      assert.equal(all.length, 3, JSON.stringify(all.map((i) => i.id)));
      const [meeting] = await s.listIncidents({ dyad: ["RUS", "IRN"], until: "2024-03" });
      assert.equal(meeting.numArticles, 3);
      assert.equal(meeting.numSources, 2);
      assert.deepEqual(meeting.outlets, ["Coastal Herald", "Inland Post"]);
      assert.equal(meeting.date, "2024-02-28");
      assert.equal(meeting.firstReported, "2024-02-28");
      assert.equal(meeting.sourceUrl, "https://example.org/a");
      assert.deepEqual(meeting.source, {
        actorId: "IRN.GOV",
        name: "Iran government",
        country: "IRN",
        code: "IRNGOV",
      });
      assert.equal(meeting.target?.country, "RUS");
      assert.deepEqual(meeting.mentions, [], "listings carry no mentions unless asked");
      const full = (await s.getIncident(meeting.id))!;
      assert.deepEqual(
        full.mentions.map((m) => [m.docId, m.surface, m.outlet]),
        [
          ["a", "met", "Coastal Herald"],
          ["c", "hosted", "Coastal Herald"],
          ["b", "met", "Inland Post"],
        ],
      );
      const why = new Map(full.mentions.map((m) => [m.docId, m.why]));
      assert.match(why.get("a")!, /first report/);
      assert.match(why.get("b")!, /reciprocal/);
      assert.match(why.get("b")!, /same country RUS \(RUS\.GOV \/ person:sergei-lavrov\)/);
      assert.match(why.get("c")!, /published 2024-02-29/);
      const m = full.mentions[0];
      assert.equal(d.a.text.slice(m.start, m.end), m.surface);
      assert.equal(m.sentence?.text, d.a.text);
      assert.equal(m.url, "https://example.org/a");
      assert.equal(await s.getIncident("inc-nope"), undefined);
    },

    "listIncidents filters by dyad, sides, codes, dates, sources and modality (asserted by default)":
      async () => {
        const s = get();
        const d = meetingDocs();
        const maybe = meet("f", "Russia may sanction China soon.", {
          trigger: "sanction",
          source: "russia",
          target: "china",
          cameo: "163",
          quadClass: 4,
          goldstein: -8,
          modality: "hypothetical",
          published: "2024-02-28",
          outlet: "Inland Post",
        });
        await s.putDocs([d.a, d.b, d.c, d.d, d.e, maybe]);
        const dates = async (q: Parameters<Store["listIncidents"]>[0]) =>
          (await s.listIncidents(q)).map((i) => `${i.cameo}@${i.date}`);
        const cases: Array<[Parameters<Store["listIncidents"]>[0], string[]]> = [
          [{}, ["040@2024-04-03", "040@2024-02-28", "111@2024-02-28"]],
          [{ dyad: ["IRN", "RUS"] }, ["040@2024-04-03", "040@2024-02-28"]],
          [{ source: "CHN" }, ["111@2024-02-28"]],
          [{ target: "IRN" }, ["111@2024-02-28"]],
          [{ actor: "CHN.GOV" }, ["111@2024-02-28"]],
          [{ root: "11" }, ["111@2024-02-28"]],
          [{ cameo: "04" }, ["040@2024-04-03", "040@2024-02-28"]],
          [{ quad: 3 }, ["111@2024-02-28"]],
          [{ since: "2024-03" }, ["040@2024-04-03"]],
          [{ until: "2024-02" }, ["040@2024-02-28", "111@2024-02-28"]],
          [{ minSources: 2 }, ["040@2024-02-28"]],
          [{ modality: "hypothetical" }, ["163@2024-02-28"]],
          [{ modality: "any", root: "16" }, ["163@2024-02-28"]],
          [{ limit: 1, offset: 1 }, ["040@2024-02-28"]],
        ];
        for (const [q, expected] of cases) assert.deepEqual(await dates(q), expected, JSON.stringify(q));
      },

    "incidents do not depend on the order or batching of ingest": async () => {
      const d = meetingDocs();
      const s = get();
      await s.putDocs([d.a, d.b, d.c, d.d, d.e]);
      const other = await fresh();
      await other.putDocs([d.e, d.d]);
      await other.putDocs([d.c]);
      await other.putDocs([d.b, d.a]);
      assert.deepEqual(await shape(other), await shape(s));
    },

    "a new document joins an existing incident; a new version moves its mentions": async () => {
      const s = get();
      const d = meetingDocs();
      await s.putDocs([d.a, d.c, d.d]);
      const [first] = await s.listIncidents({ until: "2024-03" });
      assert.equal(first.numArticles, 2);
      const update = await s.updateIncidents();
      assert.deepEqual(update, { assigned: 0, written: 0, removed: 0 }, "nothing waits after a batch");
      await s.putDocs([d.b]);
      const [joined] = await s.listIncidents({ until: "2024-03" });
      assert.equal(joined.id, first.id, "a later report keeps the incident id");
      assert.equal(joined.numArticles, 3);
      // Version 2 of "b" dates the meeting in April: its mention moves to the April incident.
      const b2 = meet("b", "Sergei Lavrov met the Iranian delegation in April.", {
        trigger: "met",
        source: "lavrov",
        target: "iran",
        date: "2024-04-03",
        published: "2024-04-04",
        outlet: "Inland Post",
      });
      await s.putDocs([b2]);
      const after = await s.listIncidents({ withMentions: true });
      assert.deepEqual(
        after.map((i) => [i.date, i.mentions.map((m) => m.docId)]),
        [
          ["2024-04-03", ["d", "b"]],
          ["2024-02-28", ["a", "c"]],
        ],
      );
      assert.equal(after[1].id, first.id);
    },

    "dyadSeries counts incidents per period with QuadClass, Goldstein and net cooperation": async () => {
      const s = get();
      const d = meetingDocs();
      const clash = meet("g", "Iran criticised Russia in April.", {
        trigger: "criticised",
        source: "iran",
        target: "russia",
        cameo: "111",
        quadClass: 3,
        goldstein: -2,
        date: "2024-04-20",
        published: "2024-04-20",
        outlet: "Inland Post",
      });
      await s.putDocs([d.a, d.b, d.c, d.d, d.e, clash]);
      const series = await s.dyadSeries({ a: "RUS", b: "IRN", by: "month" });
      const [feb, mar, apr] = series.points;
      assert.deepEqual(
        series.points.map((p) => [p.period, p.start, p.end, p.incidents]),
        [
          ["2024-02", "2024-02-01", "2024-02-29", 1],
          ["2024-03", "2024-03-01", "2024-03-31", 0],
          ["2024-04", "2024-04-01", "2024-04-30", 2],
        ],
        "three reports of one meeting count once; empty months are kept",
      );
      assert.deepEqual(feb.quad, [1, 0, 0, 0]);
      assert.equal(feb.goldsteinMean, 1);
      assert.equal(feb.netCooperation, 1);
      assert.equal(feb.incidentIds.length, 1);
      assert.deepEqual([mar.goldsteinMean, mar.netCooperation, mar.incidentIds], [null, null, []]);
      assert.deepEqual(apr.quad, [1, 0, 1, 0]);
      assert.equal(apr.goldsteinSum, -1);
      assert.equal(apr.goldsteinMean, -0.5);
      assert.equal(apr.netCooperation, 0);
      assert.deepEqual(series.total, {
        incidents: 3,
        quad: [2, 0, 1, 0],
        goldsteinSum: 0,
        goldsteinMean: 0,
        netCooperation: 0.3333,
      });
      const directed = await s.dyadSeries({ a: "RUS", b: "IRN", by: "year", directed: true });
      assert.deepEqual(
        directed.points.map((p) => [p.period, p.incidents]),
        [],
        "every incident of the dyad runs Iran → Russia (the earliest report's direction)",
      );
      const iranFirst = await s.dyadSeries({ a: "IRN", b: "RUS", by: "year", directed: true });
      assert.deepEqual(
        iranFirst.points.map((p) => [p.period, p.incidents]),
        [["2024", 3]],
      );
      const byActor = await s.dyadSeries({ a: "IRN.GOV", b: "RUS", by: "year" });
      assert.equal(byActor.total.incidents, 3, "an actor id on one side, a country on the other");
      const april = await s.dyadSeries({
        a: "IRN",
        b: "RUS",
        by: "week",
        since: "2024-04-01",
        until: "2024-04-14",
      });
      assert.deepEqual(
        april.points.map((p) => [p.period, p.incidents]),
        [
          ["2024-04-01", 1],
          ["2024-04-08", 0],
        ],
      );
    },

    "relationsGraph links actors by incidents with centrality": async () => {
      const s = get();
      const d = meetingDocs();
      await s.putDocs([d.a, d.b, d.c, d.d, d.e]);
      const g = await s.relationsGraph();
      assert.deepEqual(
        g.edges.map((e) => [e.source, e.target, e.incidents, e.goldsteinMean, e.quad]),
        [
          ["CHN", "IRN", 1, -2, [0, 0, 1, 0]],
          ["IRN", "RUS", 2, 1, [2, 0, 0, 0]],
        ],
      );
      const iran = g.nodes.find((n) => n.id === "IRN")!;
      assert.equal(iran.incidents, 3);
      assert.equal(iran.degree, 1);
      assert.equal(iran.betweenness, 1, "Iran lies on the only path from China to Russia");
      assert.equal(g.nodes.find((n) => n.id === "CHN")!.betweenness, 0);
      const march = await s.relationsGraph({ since: "2024-03", until: "2024-04" });
      assert.deepEqual(
        march.edges.map((e) => [e.source, e.target, e.incidents]),
        [["IRN", "RUS", 1]],
      );
      assert.equal((await s.relationsGraph({ minIncidents: 2 })).nodes.length, 2);
    },

    "outletProfiles counts volume, coverage, exclusive incidents and loaded language": async () => {
      const s = get();
      const d = meetingDocs();
      const loaded = meet("h", "The brutal regime in Iran met Russia on Wednesday.", {
        trigger: "met",
        source: "iran",
        target: "russia",
        date: "2024-02-28",
        published: "2024-02-28",
        outlet: "Inland Post",
      });
      await s.putDocs([d.a, d.b, d.c, d.e, loaded]);
      const profiles = await s.outletProfiles();
      assert.deepEqual(
        profiles.map((p) => [
          p.outlet,
          p.documents,
          p.events,
          p.incidents,
          p.exclusiveIncidents,
          p.exclusiveShare,
        ]),
        [
          ["Coastal Herald", 3, 3, 2, 1, 0.5],
          ["Inland Post", 2, 2, 1, 0, 0],
        ],
      );
      const inland = profiles[1];
      assert.equal(inland.words, 6 + 9);
      assert.equal(inland.loaded, 2);
      assert.equal(inland.loadedPer1000, 133.333);
      assert.deepEqual(
        inland.loadedTerms.map((t) => [t.term, t.category, t.count]),
        [
          ["brutal", "charged-adjective", 1],
          ["regime", "name-calling", 1],
        ],
      );
      assert.deepEqual(profiles[0].topDyads, [
        { key: "CHN-IRN", incidents: 1 },
        { key: "IRN-RUS", incidents: 1 },
      ]);
      assert.equal(profiles[0].loaded, 0);
    },
  };
}
