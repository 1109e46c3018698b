/**
 * GEXF 1.2 of the relations graph, Gephi's own format: one undirected static graph, declared node
 * and edge attributes, the node name as its `label`, edge `weight` = incidents.
 */
import type { RelationsGraph } from "../aggregate/types.ts";
import {
  type AttrType,
  attributeText,
  EDGE_ATTRIBUTES,
  edgeId,
  NODE_ATTRIBUTES,
} from "./graph-attributes.ts";
import { LineSink } from "./stream.ts";
import { escapeXml } from "./xml.ts";

/** GEXF spells GraphML's `int` as `integer`. */
const GEXF_TYPE: Record<AttrType, string> = { string: "string", int: "integer", double: "double" };

/** Node attributes besides `label`, which GEXF carries natively. */
const NODE_ATTVALUES = NODE_ATTRIBUTES.filter((a) => a.name !== "label");

/** The GEXF document, line by line (each line ends with `\n`). */
export function* gexfLines(graph: RelationsGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n';
  yield "  <meta><creator>entente</creator><description>relations graph: actors, dyads weighted by incidents</description></meta>\n";
  yield '  <graph mode="static" defaultedgetype="undirected">\n';
  yield '    <attributes class="node">\n';
  for (const a of NODE_ATTVALUES)
    yield `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>\n`;
  yield "    </attributes>\n";
  yield '    <attributes class="edge">\n';
  for (const a of EDGE_ATTRIBUTES)
    yield `      <attribute id="${a.name}" title="${a.name}" type="${GEXF_TYPE[a.type]}"/>\n`;
  yield "    </attributes>\n";
  yield "    <nodes>\n";
  for (const n of graph.nodes) {
    let values = "";
    for (const a of NODE_ATTVALUES) {
      const v = attributeText(a.value(n));
      if (v !== undefined) values += `<attvalue for="${a.name}" value="${escapeXml(v)}"/>`;
    }
    yield `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}"><attvalues>${values}</attvalues></node>\n`;
  }
  yield "    </nodes>\n";
  yield "    <edges>\n";
  for (const e of graph.edges) {
    let values = "";
    for (const a of EDGE_ATTRIBUTES) {
      const v = attributeText(a.value(e));
      if (v !== undefined) values += `<attvalue for="${a.name}" value="${escapeXml(v)}"/>`;
    }
    yield `      <edge id="${escapeXml(edgeId(e))}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" weight="${attributeText(e.incidents) ?? 0}"><attvalues>${values}</attvalues></edge>\n`;
  }
  yield "    </edges>\n";
  yield "  </graph>\n";
  yield "</gexf>\n";
}

/** Writes the relations graph as GEXF 1.2 to `out`; does not end `out`. */
export async function writeGexf(graph: RelationsGraph, out: NodeJS.WritableStream): Promise<void> {
  const sink = new LineSink(out);
  for (const line of gexfLines(graph)) await sink.push(line);
  await sink.flush();
}
