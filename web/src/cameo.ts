/** CAMEO code names from the project's codebook (data/cameo/codebook.json), for labels. */
import codebook from "../../data/cameo/codebook.json";

const codes = (codebook as { codes: Record<string, { name?: string }> }).codes;

/** The codebook name of a CAMEO code, e.g. `"042"` → `"MAKE A VISIT"`-style names; `""` when unknown. */
export function cameoName(code: string | undefined): string {
  return (code && codes[code]?.name) || "";
}
