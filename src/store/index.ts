/**
 * The store: where documents, their versions and their layers are kept. `openStore` is the one
 * entry point the CLI, API and pipeline use; everything else here is types and the contract suite.
 */
import { resolve } from "node:path";
import { EntenteError } from "../core/index.ts";
import { SqliteStore } from "./sqlite/sqlite-store.ts";
import type { Store } from "./store.ts";

export {
  assertStorable,
  contentHashOf,
  fromRecord,
  textHash,
  toRecord,
  type VersionRecord,
} from "./record.ts";
export { type Migration, migrations } from "./sqlite/migrate.ts";
export { SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store.ts";
export type * from "./store.ts";

/** File name of the default store, created in the working directory. */
export const DEFAULT_DB_FILE = "entente.sqlite";

/**
 * Which database `openStore` would use: `path` when given, else `$ENTENTE_DB` when set and not
 * empty, else `./entente.sqlite` in the working directory. Relative paths resolve against the
 * working directory; `":memory:"` is kept as is.
 */
export function storeLocation(path?: string): string {
  const chosen = path || process.env.ENTENTE_DB || DEFAULT_DB_FILE;
  return chosen === ":memory:" ? chosen : resolve(chosen);
}

/**
 * Opens the store at {@link storeLocation}(`path`), creating the SQLite file (and its folder) and
 * applying migrations on first use. Throws E301 naming the path when it is not a SQLite file
 * (or is a PostgreSQL URL, not supported yet), E303 when a migration fails.
 */
export function openStore(path?: string): Store {
  if (/^postgres(ql)?:\/\//i.test(path || process.env.ENTENTE_DB || "")) {
    // The URL is not echoed: it may hold a password.
    throw new EntenteError(
      "E301",
      "PostgreSQL stores are not available yet; give a SQLite file path",
      "postgres URL",
    );
  }
  return SqliteStore.open(storeLocation(path));
}
