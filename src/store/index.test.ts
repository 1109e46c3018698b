import assert from "node:assert/strict";
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, test } from "node:test";
import { EntenteError } from "../core/index.ts";
import { openStore, storeLocation } from "./index.ts";
import { fullDoc } from "./store.contract.ts";

const dir = realpathSync(mkdtempSync(join(tmpdir(), "entente-open-")));
const cwd = process.cwd();
const env = process.env.ENTENTE_DB;
after(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.chdir(cwd);
  if (env === undefined) delete process.env.ENTENTE_DB;
  else process.env.ENTENTE_DB = env;
});

const isCode = (code: string, mentions: string) => (err: unknown) => {
  assert.ok(err instanceof EntenteError, String(err));
  assert.equal(err.code, code);
  assert.ok(err.message.includes(mentions), err.message);
  return true;
};

test("openStore(path) creates the file on first use and reopens it", async () => {
  const path = join(dir, "given.sqlite");
  const s = openStore(path);
  assert.equal(s.location, path);
  assert.ok(existsSync(path));
  await s.putDoc(fullDoc("a", "Arvenia signed 12 deals on Tuesday. Done."));
  await s.close();
  const again = openStore(path);
  assert.equal(await again.countDocs(), 1);
  await again.close();
});

test("openStore() uses $ENTENTE_DB when no path is given", async () => {
  process.env.ENTENTE_DB = join(dir, "from-env.sqlite");
  const s = openStore();
  assert.equal(s.location, process.env.ENTENTE_DB);
  await s.close();
  assert.ok(existsSync(process.env.ENTENTE_DB));
});

test("a path argument wins over $ENTENTE_DB", () => {
  process.env.ENTENTE_DB = join(dir, "ignored.sqlite");
  assert.equal(storeLocation(join(dir, "arg.sqlite")), join(dir, "arg.sqlite"));
});

test("openStore() defaults to ./entente.sqlite in the working directory", async () => {
  delete process.env.ENTENTE_DB;
  process.chdir(dir);
  const s = openStore();
  assert.equal(s.location, join(dir, "entente.sqlite"));
  await s.close();
  assert.ok(existsSync(join(dir, "entente.sqlite")));
});

test("an empty $ENTENTE_DB counts as unset", () => {
  process.env.ENTENTE_DB = "";
  process.chdir(dir);
  assert.equal(storeLocation(), join(dir, "entente.sqlite"));
});

test("openStore on a file that is not SQLite throws E301 naming the path", () => {
  const path = join(dir, "article.txt");
  writeFileSync(path, "Arvenia and Belmark met on Tuesday to talk about fisheries. ".repeat(30));
  assert.throws(() => openStore(path), isCode("E301", path));
  process.env.ENTENTE_DB = path;
  assert.throws(() => openStore(), isCode("E301", path));
});

test("a PostgreSQL URL is refused with E301 for now", () => {
  assert.throws(() => openStore("postgres://user:secret@db/entente"), isCode("E301", "PostgreSQL"));
});
