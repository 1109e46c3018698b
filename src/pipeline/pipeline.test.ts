import assert from "node:assert/strict";
import { test } from "node:test";
import { createDoc, EntenteError, type LayerName, type Stage } from "../core/index.ts";
import { Pipeline } from "./pipeline.ts";

function stage(name: string, requires: LayerName[], assigns: LayerName[], log: string[] = []): Stage {
  return { name, requires, assigns, run: () => void log.push(name) };
}

const orderCases: Array<[string, Stage[], boolean]> = [
  ["empty pipeline", [], true],
  ["needs only the initial layer", [stage("seg", ["paragraphs"], ["sentences", "tokens"])], true],
  [
    "chain in order",
    [stage("seg", ["paragraphs"], ["sentences", "tokens"]), stage("men", ["tokens"], ["mentions"])],
    true,
  ],
  [
    "chain out of order",
    [stage("men", ["tokens"], ["mentions"]), stage("seg", ["paragraphs"], ["sentences", "tokens"])],
    false,
  ],
  ["requires a layer nobody assigns", [stage("ev", ["mentions"], ["events"])], false],
];

for (const [name, stages, ok] of orderCases) {
  test(`pipeline order: ${name}`, () => {
    if (ok) assert.doesNotThrow(() => new Pipeline(stages));
    else
      assert.throws(
        () => new Pipeline(stages),
        (e: unknown) => e instanceof EntenteError && e.code === "E201" && /requires/.test(e.message),
      );
  });
}

test("pipeline runs stages in order", () => {
  const log: string[] = [];
  const p = new Pipeline([stage("a", [], ["sentences"], log), stage("b", ["sentences"], ["tokens"], log)]);
  p.run(createDoc("d1", "Text."));
  assert.deepEqual(log, ["a", "b"]);
});

test("a stage that throws is reported as E202 with the stage and document named", () => {
  const bad: Stage = {
    name: "boom",
    requires: [],
    assigns: [],
    run: () => {
      throw new Error("kaput");
    },
  };
  assert.throws(
    () => new Pipeline([bad]).run(createDoc("doc-7", "x")),
    (e: unknown) =>
      e instanceof EntenteError && e.code === "E202" && /boom/.test(e.message) && /doc-7/.test(e.message),
  );
});
