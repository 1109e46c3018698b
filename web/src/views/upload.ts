/**
 * Upload of files (plain text, HTML, JSON Lines) to `POST /api/docs`, each with a progress bar
 * fed by XHR upload events; the stored documents appear in the list below as they land.
 */
import { ApiError, listDocs, rows, uploadFile } from "../api.ts";
import { fmtInt, h, replace } from "../dom.ts";
import { docHref } from "../router.ts";
import { errorBox, loading } from "../ui.ts";
import { docTable } from "./docs.ts";

const ACCEPT =
  ".txt,.text,.md,.html,.htm,.xhtml,.jsonl,.ndjson,.json,text/plain,text/html,application/x-ndjson";

/** Renders `#/upload`. */
export async function renderUpload(main: HTMLElement): Promise<void> {
  const input = h("input", {
    type: "file",
    multiple: true,
    accept: ACCEPT,
    id: "upload-input",
    name: "files",
  });
  const drop = h(
    "label",
    { class: "dropzone", for: "upload-input" },
    h("strong", null, "Choose files"),
    " or drop them here: plain text, HTML, or JSON Lines (one document per line).",
  );
  const queue = h("ul", { class: "uploads", id: "upload-queue" });
  const recent = h("div", { id: "recent-docs" }, loading());
  replace(
    main,
    h("h1", null, "Upload"),
    h("section", { class: "card" }, drop, input, queue),
    h("section", { class: "card" }, h("h2", null, "Recently added"), recent),
  );
  const refresh = () => showRecent(recent);
  input.addEventListener("change", () => {
    if (input.files) void sendAll([...input.files], queue, refresh);
    input.value = "";
  });
  drop.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    if (ev.dataTransfer?.files) void sendAll([...ev.dataTransfer.files], queue, refresh);
  });
  await refresh();
}

async function sendAll(files: File[], queue: HTMLElement, refresh: () => Promise<void>): Promise<void> {
  for (const file of files) {
    const bar = h("progress", { max: 1, value: 0 });
    const status = h("span", { class: "status" }, "sending…");
    const item = h(
      "li",
      { class: "upload" },
      h("span", { class: "name" }, file.name),
      h("span", { class: "muted" }, ` ${fmtInt(file.size)} bytes `),
      bar,
      status,
    );
    queue.prepend(item);
    try {
      const body = await uploadFile(file, (sent, total) => {
        bar.value = total ? sent / total : 0;
        status.textContent = total ? `${Math.round((100 * sent) / total)}%` : `${fmtInt(sent)} bytes`;
      });
      bar.value = 1;
      item.classList.add("done");
      replace(status, ...resultLinks(body));
    } catch (e) {
      item.classList.add("failed");
      replace(status, errorBox(e, e instanceof ApiError && e.status === 413 ? "Too large" : "Upload failed"));
    }
    await refresh();
  }
}

/** Links to the documents an upload stored, read from the answer (`docId`, `id`, or a list of them). */
function resultLinks(body: unknown): Array<Node | string> {
  const o = (body ?? {}) as Record<string, unknown>;
  const list = rows<Record<string, unknown>>(body, "docs", "results", "stored");
  const ids = [o.docId, o.id, ...list.map((r) => r.docId ?? r.id)].filter(
    (x): x is string => typeof x === "string",
  );
  const unique = [...new Set(ids)];
  const failed = rows<Record<string, unknown>>(o.failed ?? [], "failed");
  const out: Array<Node | string> = [unique.length ? "stored: " : "done"];
  for (const [i, id] of unique.entries())
    out.push(i ? ", " : "", h("a", { href: docHref(id), class: "new-doc" }, id));
  if (failed.length) out.push(` · ${failed.length} failed`);
  return out;
}

async function showRecent(box: HTMLElement): Promise<void> {
  try {
    const { docs, total } = await listDocs({ limit: 1000 });
    const byIngest = [...docs]
      .sort((a, b) => (b.ingestedAt ?? "").localeCompare(a.ingestedAt ?? ""))
      .slice(0, 15);
    replace(
      box,
      h("p", { class: "muted" }, `${fmtInt(total ?? docs.length)} documents stored; the latest added:`),
      docTable(byIngest),
    );
  } catch (e) {
    replace(box, errorBox(e, "Documents could not be listed"));
  }
}
