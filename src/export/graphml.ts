/**
 * GraphML of the relations graph, as Gephi, yEd, NetworkX and graphology read it: one undirected
 * graph, typed `<key>` declarations, node `label` for Gephi's label column, edge `weight` = incidents.
 */
import type { RelationsGraph } from "../aggregate/types.ts";
import { attributeText, EDGE_ATTRIBUTES, edgeId, NODE_ATTRIBUTES } from "./graph-attributes.ts";
import { LineSink } from "./stream.ts";
import { escapeXml } from "./xml.ts";

/** Key ids are prefixed by what they belong to: GraphML key ids share one namespace. */
const nodeKey = (name: string) => `n_${name}`;
const edgeKey = (name: string) => `e_${name}`;

/** The GraphML document, line by line (each line ends with `\n`). */
export function* graphmlLines(graph: RelationsGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const a of NODE_ATTRIBUTES)
    yield `  <key id="${nodeKey(a.name)}" for="node" attr.name="${a.name}" attr.type="${a.type}"/>\n`;
  yield `  <key id="${edgeKey("weight")}" for="edge" attr.name="weight" attr.type="double"/>\n`;
  for (const a of EDGE_ATTRIBUTES)
    yield `  <key id="${edgeKey(a.name)}" for="edge" attr.name="${a.name}" attr.type="${a.type}"/>\n`;
  yield '  <graph id="entente" edgedefault="undirected">\n';
  for (const n of graph.nodes) {
    let data = "";
    for (const a of NODE_ATTRIBUTES) {
      const v = attributeText(a.value(n));
      if (v !== undefined) data += `<data key="${nodeKey(a.name)}">${escapeXml(v)}</data>`;
    }
    yield `    <node id="${escapeXml(n.id)}">${data}</node>\n`;
  }
  for (const e of graph.edges) {
    let data = `<data key="${edgeKey("weight")}">${attributeText(e.incidents) ?? 0}</data>`;
    for (const a of EDGE_ATTRIBUTES) {
      const v = attributeText(a.value(e));
      if (v !== undefined) data += `<data key="${edgeKey(a.name)}">${escapeXml(v)}</data>`;
    }
    yield `    <edge id="${escapeXml(edgeId(e))}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${data}</edge>\n`;
  }
  yield "  </graph>\n";
  yield "</graphml>\n";
}

/** Writes the relations graph as GraphML to `out`; does not end `out`. */
export async function writeGraphml(graph: RelationsGraph, out: NodeJS.WritableStream): Promise<void> {
  const sink = new LineSink(out);
  for (const line of graphmlLines(graph)) await sink.push(line);
  await sink.flush();
}
