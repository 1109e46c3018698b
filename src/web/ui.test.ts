/**
 * The web UI in a real headless Chromium (playwright-core, Debian's /usr/bin/chromium) against
 * the real API on the bundled sample corpus: the dyad dashboard, an incident opening the reader
 * at its highlighted sentence, the graph, map, search, outlets and actor pages, an upload that
 * shows up in the list, and an article whose text holds `<script>` and `onerror=` shown as text.
 * Screenshots of each view go to test-output/screenshots/. Skips when Chromium is missing.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { createApp } from "../api/index.ts";
import { WEB_DIST } from "../api/static.ts";
import { ingest } from "../ingest/index.ts";
import { openStore, type Store } from "../store/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WEB = path.join(ROOT, "web");
const CORPUS = path.join(ROOT, "samples/corpus");
const SHOTS = path.join(ROOT, "test-output/screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

let tmp: string;
let store: Store;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Newest modification time under `dir` (files only), ms. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds web/dist with Vite when it is missing or older than the UI's sources. */
async function buildWebIfStale(): Promise<void> {
  const built = path.join(WEB, "dist/index.html");
  const sources = Math.max(
    newest(path.join(WEB, "src")),
    statSync(path.join(WEB, "index.html")).mtimeMs,
    statSync(path.join(WEB, "vite.config.ts")).mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const { build } = await import("vite");
  await build({ configFile: path.join(WEB, "vite.config.ts"), logLevel: "warn" });
}

async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Opens a hash route and waits until its view has rendered. */
async function open(hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('main[data-ready="1"]');
}

before(
  async () => {
    if (skip) return;
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(os.tmpdir(), "entente-ui-"));
    store = openStore(path.join(tmp, "ui.sqlite"));
    const [, summary] = await Promise.all([buildWebIfStale(), ingest(store, [CORPUS], { workers: 0 })]);
    assert.ok(summary.new > 0, "the sample corpus was ingested");
    // The app as `entente serve` builds it: the API with the built UI mounted.
    const app = createApp(store, { webDir: WEB_DIST });
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
  },
  { timeout: 60_000 },
);

after(async () => {
  await browser?.close();
  server?.close();
  await store?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the dashboard draws the IRN–RUS timeline and lists incidents", { skip }, async () => {
  await page.goto(`${base}/`);
  await page.waitForSelector('#dyad-chart[data-drawn="1"] canvas');
  const ms = await page.evaluate<number>("performance.getEntriesByName('chart-drawn')[0]?.startTime ?? -1");
  await page.reload();
  await page.waitForSelector('#dyad-chart[data-drawn="1"] canvas');
  const warm = await page.evaluate<number>("performance.getEntriesByName('chart-drawn')[0]?.startTime ?? -1");
  // Figures to report, not assertions: timing depends on the machine.
  console.log(
    `dashboard first render (navigation start → chart drawn): cold ${ms.toFixed(0)} ms, reload ${warm.toFixed(0)} ms`,
  );

  await page.fill('input[name="a"]', "IRN");
  await page.fill('input[name="b"]', "RUS");
  await page.selectOption('select[name="modality"]', "any");
  await page.click('#dyad-form button[type="submit"]');
  await page.waitForFunction("location.hash.includes('a=IRN') && location.hash.includes('modality=any')");
  await page.waitForSelector('main[data-ready="1"] #incidents li.incident');
  assert.equal(await page.textContent("main h1"), "IRN – RUS");
  assert.ok((await page.locator("#incidents li.incident").count()) > 0, "incidents are listed");
  await page.waitForSelector("#amounts ul, #amounts p:not(.loading)");
  await shot("dashboard");

  // A click on a period of the chart narrows the incidents to it; "show all" brings them back.
  const total = await page.locator("#incidents li.incident").count();
  await page.click("#dyad-chart .u-over", { position: { x: 5, y: 40 } });
  await page.waitForSelector("#incidents .period-note:not([hidden])");
  assert.match((await page.textContent("#incidents .period-note")) ?? "", /incidents? in \d{4}/);
  await page.click("#incidents .period-note button");
  assert.equal(await page.locator("#incidents li.incident:visible").count(), total);
});

test("clicking an incident opens the reader on its highlighted sentence", { skip }, async () => {
  const first = page.locator("#incidents li.incident a.trigger").first();
  const surface = (await first.locator("mark").textContent()) ?? "";
  const sentence = (await first.textContent()) ?? "";
  await first.click();
  await page.waitForSelector("#article-text mark.target");
  assert.match(await page.evaluate<string>("location.hash"), /^#\/doc\/.+\?start=\d+&end=\d+$/);
  const target = page.locator("#article-text mark.target");
  const text = (await target.allTextContents()).join("");
  assert.equal(text, surface, "the flashed span is the incident's trigger");
  assert.ok(await target.first().isVisible());
  const shaded = (await page.locator("#article-text mark.sent-target").allTextContents()).join("");
  assert.equal(shaded, sentence, "the whole sentence of the incident is shaded");
  const box = await target.first().boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `the span is scrolled into view (y=${box?.y})`);
  // The side panel explains the fact at the span: its code and the rule that produced it.
  const panel = (await page.textContent("#fact-panel")) ?? "";
  assert.match(panel, /CAMEO/);
  assert.match(panel, /Rule/);
  await shot("reader", false);
});

test("the relations graph, map, search, outlets and actor pages render", { skip }, async () => {
  await open("#/graph");
  await page.waitForSelector("#graph-stage canvas");
  assert.equal(await page.locator("#graph-stage .error").count(), 0, "sigma drew the graph");
  await shot("graph");

  await open("#/map?actor=IRN");
  await page.waitForSelector("#map-stage path.country.active");
  assert.ok((await page.locator("#map-stage path.country.active").count()) >= 2, "partners are coloured");
  assert.equal(await page.locator("#map-stage path.country.selected").count(), 1);
  await shot("map");

  await open("#/search?q=Russia");
  await page.waitForSelector("#search-docs li.hit");
  await page.waitForSelector("#search-actors li");
  await shot("search");

  await open("#/outlets");
  await page.waitForSelector("#outlets table tbody tr");
  await shot("outlets");

  await open("#/actor/RUS");
  await page.waitForSelector("main .facts li.fact");
  await shot("actor");
});

test("an uploaded file appears in the list, and its <script> shows as text", { skip }, async () => {
  await open("#/upload");
  const text = [
    "Tehran and Moscow signed a trade agreement on Monday, officials said.",
    "",
    'A reader wrote <script>window.__xss = 1</script> and <img src=x onerror="window.__xss = 2"> in a comment.',
  ].join("\n");
  await page.setInputFiles("#upload-input", {
    name: "xss-probe.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(text),
  });
  const link = page.locator("#upload-queue .upload.done a.new-doc").first();
  await link.waitFor();
  const docId = (await link.textContent()) ?? "";
  assert.ok(docId, "the answer names the stored document");
  await page.waitForSelector(`#recent-docs tr[data-id="${docId}"]`);
  await shot("upload");

  await link.click();
  await page.waitForSelector("#article-text");
  const shown = (await page.textContent("#article-text")) ?? "";
  assert.ok(shown.includes("<script>window.__xss = 1</script>"), "the script tag is shown literally");
  assert.ok(shown.includes('onerror="window.__xss = 2"'), "the onerror attribute is shown literally");
  assert.equal(await page.locator("#article-text script, #article-text img").count(), 0);
  assert.equal(await page.evaluate<unknown>("window.__xss"), undefined, "nothing from the article ran");
  await shot("reader-xss");
});

test("no script errors on any page", { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
