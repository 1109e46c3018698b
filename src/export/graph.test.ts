import assert from "node:assert/strict";
import { test } from "node:test";
import { MultiGraph } from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";
import type { AbstractGraph } from "graphology-types";
import type { RelationsGraph } from "../aggregate/types.ts";
import { collector, fixtureGraph } from "./fixtures.ts";
import { writeGexf } from "./gexf.ts";
import { edgeId } from "./graph-attributes.ts";
import { writeGraphml } from "./graphml.ts";
import { escapeXml } from "./xml.ts";

type Reader = (text: string) => AbstractGraph;
const formats: Array<[string, (g: RelationsGraph, out: NodeJS.WritableStream) => Promise<void>, Reader]> = [
  ["GraphML", writeGraphml, (text) => graphml.parse(MultiGraph, text)],
  ["GEXF", writeGexf, (text) => gexf.parse(MultiGraph, text)],
];

for (const [name, write, read] of formats) {
  test(`${name} parses back with graphology into the same nodes and edges`, async () => {
    const g = fixtureGraph();
    const c = collector();
    await write(g, c.out);
    const back = read(c.text());
    assert.equal(back.type, "undirected");
    assert.equal(back.order, g.nodes.length);
    assert.equal(back.size, g.edges.length);
    assert.deepEqual(
      back.nodes(),
      g.nodes.map((n) => n.id),
    );
    for (const n of g.nodes) {
      const a = back.getNodeAttributes(n.id);
      assert.equal(a.label, n.name);
      assert.equal(a.name, n.name);
      assert.equal(a.country, n.country);
      assert.equal(a.sector, n.sector);
      assert.equal(a.incidents, n.incidents);
      assert.equal(a.degree, n.degree);
      assert.equal(a.betweenness, n.betweenness);
    }
    assert.deepEqual(back.edges(), g.edges.map(edgeId));
    for (const e of g.edges) {
      const id = edgeId(e);
      assert.deepEqual(back.extremities(id), [e.source, e.target]);
      const a = back.getEdgeAttributes(id);
      assert.equal(a.weight, e.incidents);
      assert.equal(a.incidents, e.incidents);
      assert.equal(a.goldsteinMean, e.goldsteinMean);
      assert.deepEqual([a.quad1, a.quad2, a.quad3, a.quad4], e.quad);
    }
  });

  test(`${name} of an empty graph is well formed`, async () => {
    const c = collector();
    await write({ nodes: [], edges: [] }, c.out);
    const back = read(c.text());
    assert.equal(back.order, 0);
  });
}

const escapeCases: Array<[string, string]> = [
  ["a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"],
  ["tab\there\nline", "tab&#9;here&#10;line"],
  ["bell\u0007gone", "bellgone"],
  ["lone \uD800 surrogate, pair 😀 kept", "lone  surrogate, pair 😀 kept"],
];
for (const [input, expected] of escapeCases)
  test(`escapeXml(${JSON.stringify(input)})`, () => assert.equal(escapeXml(input), expected));
