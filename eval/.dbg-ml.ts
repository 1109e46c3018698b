import { parseDate, findDateline } from "../src/stages/extract/dates.ts";
for (const t of ["Posted : 2022-05-27 10:12 Updated : 2022-05-27 14:30", "Posted : 2022-05-27 10:12", "2022-05-27 10:12"]) {
  console.log(t, JSON.stringify(parseDate(t)), JSON.stringify(findDateline(t, {maxChars:200})));
}
