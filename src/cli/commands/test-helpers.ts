/**
 * Set-up shared by the CLI command tests: a real SQLite store in a temporary directory holding the
 * store contract's fact documents, a command-line parser declaring the options a test file needs,
 * and a runner that collects what a command writes. Not a test file itself (no `.test.ts`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { SqliteStore } from "../../store/index.ts";
import { factDocs } from "../../store/store.contract.ts";
import type { CommandArgs, Output } from "./query-options.ts";

/** A command as `main.ts` calls it: the store, the parsed command line, where to write. */
export type CommandRunner = (store: SqliteStore, args: CommandArgs, out: Output) => Promise<void>;

/** The fixture one test file works with; `store` is open from its `before` hook to its `after` hook. */
export interface CliFixture {
  /** The SQLite store holding `factDocs()`. */
  readonly store: SqliteStore;
  /** Parses `argv` the way main.ts does, with the options the test file declared. */
  args(argv: string[]): CommandArgs;
  /** Runs `command` on `argv` against the store and returns everything it wrote. */
  run(command: CommandRunner, argv: string[]): Promise<string>;
}

/**
 * Registers `before`/`after` hooks in the calling test file: a store file under a fresh temporary
 * directory named `entente-cli-<name>-…`, filled with `factDocs()`, closed and removed afterwards.
 * `options` are the `parseArgs` options main.ts must declare for the commands under test.
 */
export function cliFixture(name: string, options: NonNullable<ParseArgsConfig["options"]>): CliFixture {
  const dir = mkdtempSync(join(tmpdir(), `entente-cli-${name}-`));
  let store: SqliteStore | undefined;
  before(async () => {
    store = SqliteStore.open(join(dir, "store.sqlite"));
    await store.putDocs(factDocs());
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const fixture: CliFixture = {
    get store(): SqliteStore {
      if (!store) throw new Error("the CLI fixture store is opened in a before hook; use it inside a test");
      return store;
    },
    args: (argv) => parseArgs({ args: argv, allowPositionals: true, options }),
    async run(command, argv) {
      let out = "";
      await command(fixture.store, fixture.args(argv), { write: (s: string) => (out += s) });
      return out;
    },
  };
  return fixture;
}
