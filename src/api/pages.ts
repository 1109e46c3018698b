import type { Doc } from "../core/index.ts";
import type { DocSummary } from "../store/index.ts";

/** Escapes text for HTML: everything from an article is shown as text, never as markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd}
.meta{color:#666}.s{border-radius:3px}.s:hover{background:#fff3c4}p{margin:0 0 1em}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The document list. */
export function renderIndexPage(docs: DocSummary[], notice?: string): string {
  const rows = docs
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.published ?? "")}</td><td>${escapeHtml(d.outlet ?? "")}</td><td><a href="/docs/${encodeURIComponent(d.id)}">${escapeHtml(d.title || d.id)}</a></td></tr>`,
    )
    .join("");
  return page(
    "entente",
    `<h1>entente</h1>${notice ? `<p>${escapeHtml(notice)}</p>` : ""}<p class="meta">${docs.length} documents · API: <a href="/api/docs">/api/docs</a></p><table><thead><tr><th>Published</th><th>Outlet</th><th>Title</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The article reader: clean text by paragraph, each sentence a span with its offsets. */
export function renderDocPage(doc: Doc): string {
  const sentences = doc.layers.sentences ?? [];
  const paragraphs = doc.layers.paragraphs ?? [{ start: 0, end: doc.text.length }];
  let s = 0;
  const paras = paragraphs.map((p) => {
    const parts: string[] = [];
    let at = p.start;
    while (s < sentences.length && sentences[s].end <= p.end) {
      const sent = sentences[s++];
      parts.push(escapeHtml(doc.text.slice(at, sent.start)));
      parts.push(
        `<span class="s" data-start="${sent.start}" data-end="${sent.end}">${escapeHtml(doc.text.slice(sent.start, sent.end))}</span>`,
      );
      at = sent.end;
    }
    parts.push(escapeHtml(doc.text.slice(at, p.end)));
    return `<p>${parts.join("")}</p>`;
  });
  const m = doc.meta;
  const meta = [m.published, m.outlet, m.author].filter(Boolean).map((x) => escapeHtml(x as string));
  return page(
    m.title ?? doc.id,
    `<p><a href="/">← all documents</a></p><h1>${escapeHtml(m.title ?? doc.id)}</h1><p class="meta">${meta.join(" · ")}</p>${paras.join("")}`,
  );
}
