/**
 * Hand-built incidents and a relations graph for the export tests (invented reports; not from any
 * corpus). They exercise the awkward cases: non-ASCII names, tabs and markup in text, a month-only
 * and a year-only date, a one-sided incident, an id that is not numbered, a missing URL.
 */
import { Writable } from "node:stream";
import type { Incident, RelationsGraph } from "../aggregate/types.ts";

/** Three incidents with five mentions between them. */
export function fixtureIncidents(): Incident[] {
  return [
    {
      id: "inc-000017",
      source: { actorId: "RUS.GOV", name: "Russian government", country: "RUS", code: "RUSGOV" },
      target: { actorId: "IRN", name: "Iran", country: "IRN", code: "IRN" },
      cameo: "0421",
      root: "04",
      quadClass: 1,
      goldstein: 1.9,
      modality: "asserted",
      date: "2024-03-05",
      firstReported: "2024-03-06",
      numSources: 2,
      numArticles: 3,
      numMentions: 3,
      outlets: ["harbour-gazette.example", "steppe-wire.example"],
      sourceUrl: "https://harbour-gazette.example/2024/03/06/visit",
      mentions: [
        {
          docId: "doc-a",
          idx: 0,
          start: 14,
          end: 22,
          surface: "visited",
          sentence: { start: 0, end: 48, text: "A Russian delegation visited Tehran on Tuesday." },
          cameo: "0421",
          modality: "asserted",
          date: "2024-03-05",
          published: "2024-03-06",
          outlet: "harbour-gazette.example",
          url: "https://harbour-gazette.example/2024/03/06/visit",
          why: "seed",
        },
        {
          docId: "doc-b",
          idx: 2,
          start: 101,
          end: 109,
          surface: "arrived",
          cameo: "042",
          modality: "asserted",
          date: "2024-03-05",
          published: "2024-03-07",
          outlet: "steppe-wire.example",
          url: "https://steppe-wire.example/news/77",
          why: "same dyad, root 04, date overlap",
        },
        {
          docId: "doc-c",
          idx: 1,
          start: 5,
          end: 10,
          surface: "visit",
          sentence: { start: 0, end: 60, text: 'The "visit" went <as planned> & ended\twith talks.' },
          cameo: "0421",
          modality: "asserted",
          published: "2024-03-07",
          outlet: "steppe-wire.example",
          why: "same dyad, same code",
        },
      ],
    },
    {
      id: "inc-000018",
      source: { actorId: "person:ana-kovac", name: "Ana Kovač\tjr", country: "ROU", code: "ROMGOV" },
      target: { actorId: "UN", name: "United Nations", code: "IGOUNO" },
      cameo: "1121",
      root: "11",
      quadClass: 3,
      goldstein: -2,
      modality: "asserted",
      date: "2023-11",
      numSources: 1,
      numArticles: 1,
      numMentions: 1,
      outlets: ["danube-post.example"],
      mentions: [
        {
          docId: "doc-d",
          idx: 0,
          start: 0,
          end: 9,
          surface: "denounced",
          cameo: "1121",
          modality: "asserted",
          date: "2023-11",
          published: "2023-11-20",
          outlet: "danube-post.example",
          why: "seed",
        },
      ],
    },
    {
      id: "incident-alpha",
      source: { name: "Scottish officials", code: "scoGOV" },
      target: null,
      cameo: "010",
      root: "01",
      quadClass: 1,
      goldstein: 0,
      modality: "asserted",
      date: "2022",
      numSources: 1,
      numArticles: 1,
      numMentions: 1,
      outlets: [],
      mentions: [
        {
          docId: "doc-e",
          idx: 3,
          start: 40,
          end: 45,
          surface: "said",
          cameo: "010",
          modality: "asserted",
          why: "seed",
        },
      ],
    },
  ];
}

/** Four actors, three dyads; names with markup, quotes and non-ASCII letters. */
export function fixtureGraph(): RelationsGraph {
  return {
    nodes: [
      { id: "RUS", name: "Russia", country: "RUS", incidents: 5, degree: 1, betweenness: 0.6667 },
      { id: "IRN", name: "Iran", country: "IRN", incidents: 4, degree: 2 / 3, betweenness: 0 },
      {
        id: "RUS.GOV",
        name: 'Russian "government" <Kremlin> & co',
        country: "RUS",
        sector: "GOV",
        incidents: 2,
        degree: 1 / 3,
        betweenness: 0,
      },
      {
        id: "person:ana-kovač",
        name: "Ana Kovač",
        country: "ROU",
        sector: "GOV",
        incidents: 1,
        degree: 1 / 3,
        betweenness: 0,
      },
    ],
    edges: [
      { source: "RUS", target: "IRN", incidents: 4, goldsteinMean: 2.35, quad: [2, 1, 1, 0] },
      { source: "RUS.GOV", target: "RUS", incidents: 2, goldsteinMean: -1.5, quad: [0, 0, 1, 1] },
      { source: "person:ana-kovač", target: "RUS", incidents: 1, goldsteinMean: 3, quad: [0, 1, 0, 0] },
    ],
  };
}

/** A writable stream that keeps what it is given, for reading an export back. */
export function collector(): { out: NodeJS.WritableStream; bytes(): Buffer; text(): string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    // A small buffer so that the exporters meet back-pressure (`write` returning false) in tests.
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      setImmediate(done);
    },
  });
  return { out, bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString("utf8") };
}
