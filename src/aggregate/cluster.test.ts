import assert from "node:assert/strict";
import { test } from "node:test";
import { clusterMentions, type EventRowLike, linkWhy, type MentionFeatures, toFeatures } from "./cluster.ts";
import { codesCompatible, isConverse, isSymmetric } from "./codes.ts";
import { dateInterval, dayNumber, dayString, periodOf } from "./dates.ts";

/** An event row with defaults: Iran → Russia, 040, asserted, text date 2021-03-06, published 2021-03-07. */
function row(over: Partial<EventRowLike> = {}): MentionFeatures {
  const base: EventRowLike = {
    doc_id: "d1",
    version_id: 1,
    idx: 0,
    source_country: "IRN",
    source_code: "IRNGOV",
    source_actor_id: "IRN.GOV",
    source_name: "Iran",
    target_country: "RUS",
    target_code: "RUSGOV",
    target_actor_id: "RUS.GOV",
    target_name: "Russia",
    cameo: "040",
    root: "04",
    quad_class: 1,
    goldstein: 1,
    modality: "asserted",
    date: "2021-03-06",
    date_source: "text",
    published: "2021-03-07",
    outlet: "A",
  };
  return toFeatures({ ...base, ...over })!;
}

const swap = {
  source_country: "RUS",
  source_code: "RUSGOV",
  source_actor_id: "RUS.GOV",
  target_country: "IRN",
  target_code: "IRNGOV",
  target_actor_id: "IRN.GOV",
};

const linkCases: Array<[string, Partial<EventRowLike>, RegExp | undefined]> = [
  ["same everything", {}, /same actor IRN\.GOV/],
  [
    "a person for his government",
    { source_actor_id: "person:x" },
    /source same country IRN \(IRN\.GOV \/ person:x\)/,
  ],
  ["month date overlaps its days", { date: "2021-03" }, /dates overlap/],
  ["a month later", { date: "2021-04-06" }, undefined],
  ["one day apart (text dates)", { date: "2021-03-07" }, /1 day apart/],
  ["two days apart (text dates)", { date: "2021-03-08" }, undefined],
  [
    "undated, published two days later",
    { date: null, date_source: null, published: "2021-03-08" },
    /2 days apart/,
  ],
  [
    "undated, published three days later",
    { date: null, date_source: null, published: "2021-03-09" },
    undefined,
  ],
  ["reciprocal meeting", swap, /reciprocal \(symmetric code\)/],
  ["reciprocal of a non-symmetric code", { ...swap, cameo: "112", root: "11" }, undefined],
  ["visit = host the other way", { ...swap, cameo: "043" }, /reciprocal/],
  ["near code across roots", { cameo: "057", root: "05" }, undefined],
  ["other modality", { modality: "negated" }, undefined],
  ["other target", { target_country: "CHN", target_actor_id: "CHN.GOV", target_code: "CHNGOV" }, undefined],
  [
    "no target",
    { target_country: null, target_actor_id: null, target_code: null, target_name: null },
    undefined,
  ],
];
for (const [name, over, expected] of linkCases)
  test(`link: ${name}`, () => {
    const why = linkWhy(row(), row({ doc_id: "d2", ...over }));
    if (expected) assert.match(why ?? "(none)", expected);
    else assert.equal(why, undefined);
  });

test("agreement codes are near across roots; sanctions and meetings are not", () => {
  assert.match(codesCompatible("057", "0311") ?? "", /group agreement/);
  assert.match(codesCompatible("163", "172") ?? "", /group sanctions/);
  assert.equal(codesCompatible("163", "040"), undefined);
  assert.ok(isSymmetric("0401") && !isSymmetric("042"));
  assert.ok(isConverse("042", "043") && isConverse("0431", "042") && !isConverse("042", "042"));
});

test("rows without a code or a comparable side are not clustered", () => {
  assert.equal(toFeatures({ ...rowRaw(), cameo: null }), undefined);
  assert.equal(
    toFeatures({ ...rowRaw(), source_country: null, source_code: null, source_actor_id: null }),
    undefined,
  );
  assert.equal(
    toFeatures({
      ...rowRaw(),
      target_country: null,
      target_code: null,
      target_actor_id: null,
      target_name: "leaders",
    }),
    undefined,
  );
});

function rowRaw(): EventRowLike {
  return {
    doc_id: "d",
    version_id: 1,
    idx: 0,
    source_country: "IRN",
    source_code: null,
    source_actor_id: null,
    source_name: null,
    target_country: "RUS",
    target_code: null,
    target_actor_id: null,
    target_name: null,
    cameo: "040",
    root: "04",
    quad_class: 1,
    goldstein: 1,
    modality: "asserted",
    date: null,
    date_source: null,
    published: "2021-03-07",
    outlet: null,
  };
}

test("clusters are connected components, the same in any order, with a summary", () => {
  const ms = [
    row({ doc_id: "a", outlet: "X", published: "2021-03-06" }),
    row({ doc_id: "b", outlet: "Y", ...swap, date: "2021-03" }),
    row({ doc_id: "c", outlet: "X", date: null, date_source: null, published: "2021-03-08" }),
    row({ doc_id: "d", outlet: "Z", date: "2021-04-20", published: "2021-04-20" }),
  ];
  const forward = clusterMentions(ms);
  const backward = clusterMentions([...ms].reverse());
  assert.deepEqual(backward, forward);
  assert.equal(forward.length, 2);
  const big = forward.find((c) => c.members.length === 3)!;
  assert.deepEqual(
    big.members.map((m) => m.mention.docId),
    ["a", "b", "c"],
  );
  assert.match(big.members[0].why, /first report/);
  assert.match(big.members[1].why, /^linked to a#0: reciprocal/);
  const s = big.summary;
  assert.deepEqual(
    [s.source.key, s.target?.key, s.date, s.day, s.numArticles, s.numSources],
    ["IRN", "RUS", "2021-03-06", "2021-03-06", 3, 2],
  );
  assert.deepEqual(s.outlets, ["X", "Y"]);
  assert.equal(s.firstReported, "2021-03-06");
});

const dateCases: Array<[string, [string, string] | undefined]> = [
  ["2021-03-06", ["2021-03-06", "2021-03-06"]],
  ["2021-02", ["2021-02-01", "2021-02-28"]],
  ["2024-02", ["2024-02-01", "2024-02-29"]],
  ["2021", ["2021-01-01", "2021-12-31"]],
  ["March", undefined],
];
for (const [input, expected] of dateCases)
  test(`dateInterval ${input}`, () => {
    const i = dateInterval(input);
    assert.deepEqual(i ? [dayString(i[0]), dayString(i[1])] : undefined, expected);
  });

test("weeks start on Monday", () => {
  assert.deepEqual(periodOf(dayNumber("2024-03-07")!, "week").label, "2024-03-04");
  assert.deepEqual(periodOf(dayNumber("2024-03-04")!, "week").label, "2024-03-04");
  assert.deepEqual(periodOf(dayNumber("2024-03-10")!, "week").label, "2024-03-04");
});
