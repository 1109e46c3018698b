/**
 * Small DOM helpers. Text from articles and the API always goes in as text nodes (never as
 * markup), so an article containing `<script>` or `onerror=` is shown literally.
 */

/** Children `h` accepts: nodes, strings (as text), numbers, and nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes `h` accepts: `on*` functions become listeners, `class`/`style`/data attributes are set as strings. */
export type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;

/** Creates an element with attributes and children. Strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      if (typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (flattening arrays); strings become text nodes. */
export function append(el: Node, children: Array<Child | Child[]>): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

/** Replaces every child of `el`. */
export function replace(el: Element, ...children: Array<Child | Child[]>): void {
  el.replaceChildren();
  append(el, children);
}

/** A link to a hash route, e.g. `link("#/actor/IRN", "Iran")`. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h("a", { href }, ...children);
}

/** Formats a count with thousands separators. */
export function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

/** Formats an amount value compactly: 2e9 → "2 billion". */
export function fmtAmount(value: number, currency?: string, unit?: string): string {
  const abs = Math.abs(value);
  const scaled =
    abs >= 1e12
      ? `${trim(value / 1e12)} trillion`
      : abs >= 1e9
        ? `${trim(value / 1e9)} billion`
        : abs >= 1e6
          ? `${trim(value / 1e6)} million`
          : fmtNumber(value);
  return [currency, scaled, unit].filter(Boolean).join(" ");
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function fmtNumber(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
