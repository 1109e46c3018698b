import assert from "node:assert/strict";
import { test } from "node:test";
import { collector, fixtureIncidents } from "./fixtures.ts";
import { writeJsonl } from "./jsonl.ts";

test("JSON Lines round-trip: one incident a line, equal after JSON.parse", async () => {
  const c = collector();
  const incidents = fixtureIncidents();
  assert.equal(await writeJsonl(incidents, c.out), 3);
  const lines = c.text().split("\n");
  assert.equal(lines.pop(), "");
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    incidents,
  );
});

test("JSON Lines from an async source of many incidents keeps order through back-pressure", async () => {
  const c = collector();
  const base = fixtureIncidents()[0];
  async function* many() {
    for (let i = 0; i < 2000; i++) yield { ...base, id: `inc-${i}` };
  }
  assert.equal(await writeJsonl(many(), c.out), 2000);
  const ids = c
    .text()
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l).id);
  assert.deepEqual(
    ids,
    Array.from({ length: 2000 }, (_, i) => `inc-${i}`),
  );
});
