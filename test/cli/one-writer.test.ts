import { execFile, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
} from "node:fs";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareSubgraphDatabase } from "../../src/subgraphs/start.ts";
import { importSourceRow } from "../../src/common/import/csv-import.ts";
import { runImport } from "../../src/common/import/run.ts";
import { openDatabaseServer, type Database } from "../../src/db/database.ts";
import { IMPORT_FORMATS } from "../../src/subgraphs/imports.ts";
import { BACKENDS } from "../support/databases.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "one-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = path.join(root, "examples/import/buig-budgets.csv");
const SOURCE = [
  "--source-publisher",
  "Ministerie van SZW",
  "--source-document",
  "BUIG 2017",
  "--source-date",
  "2017-09-29",
];

/** A CLI of this project as a user runs it, on the embedded database in `dataDir`. */
function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: "127.0.0.1", ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd: root, env: childEnv },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}
const importExample = (dataDir: string) =>
  run("src/cli/data.ts", ["import", "buig-budgets", EXAMPLE, ...SOURCE], { DATA_DIR: dataDir });

/** Every file of a folder with its size and modification time: what "wrote nothing" compares. */
function listing(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = statSync(file);
      return `${path.relative(folder, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

/** The municipal figures and sources, in a stable order (ids of sources left out: random per import). */
async function snapshot(db: Database): Promise<string> {
  const p = db.prisma;
  const budgets = await p.buigBudget.findMany({
    orderBy: [{ municipalityCode: "asc" }, { year: "asc" }, { stage: "asc" }],
  });
  const sources = await p.municipalSource.findMany({ orderBy: [{ document: "asc" }, { date: "asc" }] });
  const keys = budgets.map((b) => `${b.municipalityCode}/${b.year}/${b.stage}`);
  expect(new Set(keys).size, "duplicate primary keys").toBe(keys.length);
  return JSON.stringify({
    budgets: budgets.map(({ sourceId: _, ...b }) => ({
      ...b,
      amountCents: String(b.amountCents),
      share: String(b.share),
    })),
    sources: sources.map(({ id: _, ...s }) => s),
  });
}

describe("one writer per embedded data folder", () => {
  it("refuses a second process with one line naming the folder and the holder, and it writes nothing", async () => {
    const dataDir = path.join(dir, "held");
    const holder = await openDatabaseServer({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
    try {
      const before = listing(dataDir);
      const second = await importExample(dataDir);
      expect(second.code).not.toBe(0);
      const lines = second.stderr.trim().split("\n");
      expect(lines, second.stderr).toHaveLength(1);
      expect(lines[0]).toBe(
        `error: the embedded database in ${path.join(dataDir, "pglite")} is in use by another process (pid ${process.pid}: ${process.argv.slice(1).join(" ")}); stop it first, or set DATA_DIR to another folder`,
      );
      expect(listing(dataDir)).toEqual(before);
    } finally {
      await holder.close();
    }
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  }, 60_000);

  it("takes over a lock whose process is gone", async () => {
    const dataDir = path.join(dir, "stale", "pglite");
    const gone = spawn(process.execPath, ["-e", ""]);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.on("exit", resolve));
    mkdirSync(path.dirname(dataDir), { recursive: true });
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid, command: "npm start" }));
    const server = await openDatabaseServer({ kind: "pglite", dataDir });
    try {
      expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("leaves the embedded database exactly as one import would when two run at once", async () => {
    // the same folder for both concurrent imports; another folder gets a single import
    const both = path.join(dir, "concurrent");
    const reference = path.join(dir, "one");
    const [first, second, single] = await Promise.all([
      importExample(both),
      importExample(both),
      importExample(reference),
    ]);
    expect(single.code, single.stderr).toBe(0);
    const outcomes = [first, second];
    // either one was refused (it held no lock) or they ran one after the other; never a mixture
    for (const outcome of outcomes) {
      if (outcome.code !== 0)
        expect(outcome.stderr.trim()).toMatch(
          /^error: the embedded database in .* is in use by another process \(pid \d+/,
        );
    }
    expect(outcomes.some((o) => o.code === 0)).toBe(true);
    const open = async (folder: string) => {
      const server = await openDatabaseServer({ kind: "pglite", dataDir: path.join(folder, "pglite") });
      return { server, db: server.client() };
    };
    const concurrent = await open(both);
    const one = await open(reference);
    try {
      expect(await snapshot(concurrent.db)).toBe(await snapshot(one.db));
    } finally {
      await concurrent.server.close();
      await one.server.close();
    }
  }, 180_000);
});

// PostgreSQL: two processes may write one database; they must take turns (embedded: see above)
describe.each(BACKENDS.filter((b) => b.name === "postgresql"))("concurrent imports ($name)", (backend) => {
  it("serialise: both succeed, and the data is as one import leaves it", async () => {
    const target = IMPORT_FORMATS["buig-budgets"]!.target;
    const source = importSourceRow({
      publisher: "Ministerie van SZW",
      document: "BUIG 2017",
      date: "2017-09-29",
      kind: "OFFICIAL",
    } as never);
    const concurrent = await backend.fresh();
    const reference = await backend.fresh();
    // two database servers (two pools on PostgreSQL), as two processes would have
    const servers = await Promise.all([concurrent, concurrent, reference].map((d) => openDatabaseServer(d.location)));
    try {
      await prepareSubgraphDatabase("municipal", servers[0]!.client(), () => {}, null);
      await prepareSubgraphDatabase("municipal", servers[2]!.client(), () => {}, null);
      const results = await Promise.all([
        runImport(servers[0]!.client(), target, EXAMPLE, source),
        runImport(servers[1]!.client(), target, EXAMPLE, source),
      ]);
      for (const result of results) expect(result.errors).toEqual([]);
      await runImport(servers[2]!.client(), target, EXAMPLE, source);
      expect(await snapshot(servers[0]!.client())).toBe(await snapshot(servers[2]!.client()));
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await concurrent.drop();
      await reference.drop();
    }
  }, 120_000);
});

describe("a busy port", () => {
  it.each([
    ["PORT", "src/cli/start.ts", []],
    ["REFERENCE_PORT", "src/cli/start.ts", []],
    ["UWV_PORT", "src/cli/subgraph.ts", ["uwv"]],
  ] as const)(
    "%s: one line naming the variable, before any database work",
    async (variable, script, args) => {
      const busy = net.createServer();
      await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
      const port = String((busy.address() as AddressInfo).port);
      const dataDir = path.join(dir, `port-${variable}`);
      try {
        const env = {
          DATA_DIR: dataDir,
          PORT: "0",
          REFERENCE_PORT: "0",
          MUNICIPAL_PORT: "0",
          UWV_PORT: "0",
          [variable]: port,
        };
        const result = await run(script, [...args], env);
        expect(result.code).toBe(1);
        expect(result.stderr.trim()).toBe(
          `error: port ${port} is in use by another program: set ${variable} to a free port (0: any free port)`,
        );
        expect(existsSync(dataDir)).toBe(false);
      } finally {
        busy.close();
      }
    },
    60_000,
  );
});
