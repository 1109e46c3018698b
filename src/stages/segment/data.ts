import { readFileSync } from "node:fs";

/** Folder of the segmenter's word lists (see `data/README.md`). */
const dataDir = new URL("./data/", import.meta.url);

/**
 * Reads a data file of `data/` as lines, dropping blank lines and `#` comments; fields stay
 * tab-separated for the caller to split.
 */
export function readDataLines(name: string): string[] {
  const text = readFileSync(new URL(name, dataDir), "utf8");
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) continue;
    out.push(line);
  }
  return out;
}
