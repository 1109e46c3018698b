import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
const f = process.argv[2];
const html = readFileSync(f, "utf8");
const { document } = parseHTML(html);
const a = new Readability(document as never, { keepClasses: true, serializer: (el: any) => el.outerHTML }).parse();
console.log(a?.content);
