// npm run data -- <command>: load real figures from CSV, generate synthetic ones. Run it while the
// service is stopped when using the embedded database (one process at a time may open it).
import { Command, InvalidArgumentError, Option } from "commander";
import { DatabasePool, prepareSubgraphDatabase, recordSynthetic } from "../subgraphs/start.ts";
import { databaseLocation, readEnv } from "../config.ts";
import { DataFolderLocked } from "../db/database.ts";
import { formatImportError, ImportSourceSchema, importSourceRow } from "../common/import/csv-import.ts";
import { runImport } from "../common/import/run.ts";
import { writeFileSync } from "node:fs";
import { exportTable, EXPORT_TABLES, type ExportTable } from "../data/export.ts";
import { isFailure, isOfficialCheck, verify, type Basis, type Check } from "../data/verify.ts";
import { progress } from "../common/progress.ts";
import { IMPORT_FORMATS } from "../subgraphs/imports.ts";
import { SUBGRAPHS } from "../subgraphs/registry.ts";
import type { SubgraphName } from "../subgraphs/subgraph.ts";

const env = readEnv();

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Says what a stored sum or reference rests on when it is not only real figures. */
const basisNote = (basis: Basis) =>
  basis === "REAL" ? "" : basis === "SYNTHETIC" ? " (synthetic)" : " (partly synthetic)";

/** "2015-2024" or "2017" or "2015,2017" → years */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^\s*(\d{4})(?:\s*-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new InvalidArgumentError(`"${part}" is not a year or a range such as 2015-2024`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from || to - from > 200) throw new InvalidArgumentError(`"${part}" is not a sensible range of years`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

function integer(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`"${text}" is not a whole number`);
  return n;
}

type Db = Awaited<ReturnType<DatabasePool["client"]>>;

/** Opens the subgraphs' databases, migrated and holding their official data, for one command. */
async function withDatabases<T>(
  subgraphs: SubgraphName[],
  work: (dbs: Record<SubgraphName, Db>) => Promise<T>,
): Promise<T> {
  const pool = new DatabasePool();
  try {
    const dbs = {} as Record<SubgraphName, Db>;
    for (const name of subgraphs) {
      dbs[name] = await pool.client(databaseLocation(env, name));
      await prepareSubgraphDatabase(name, dbs[name], () => {}, null);
    }
    return await work(dbs);
  } finally {
    await pool.close();
  }
}

const withDatabase = <T>(subgraph: SubgraphName, work: (db: Db) => Promise<T>) =>
  withDatabases([subgraph], (dbs) => work(dbs[subgraph]));

const program = new Command()
  .name("npm run data --")
  .description("Load, generate and check the figures this service serves");

program
  .command("formats")
  .description("list the CSV import formats with their columns and an example")
  .action(() => {
    for (const [name, { subgraph, target }] of Object.entries(IMPORT_FORMATS)) {
      console.log(`${name}  (${subgraph} subgraph)\n  ${target.format.description}`);
      for (const c of target.format.columns)
        console.log(`  - ${c.name}${c.required ? "" : " (optional)"}: ${c.description}`);
      console.log(`  example:\n${target.format.example.replace(/^/gm, "    ")}`);
    }
  });

program
  .command("import")
  .description("import a CSV file of real figures: all rows or none")
  .addArgument(
    program.createArgument("<format>", "the file's format (see `formats`)").choices(Object.keys(IMPORT_FORMATS)),
  )
  .argument("<file>", "the CSV file")
  .requiredOption("--source-publisher <name>", 'who published the figures, e.g. "Ministerie van SZW"')
  .requiredOption("--source-document <title>", "the table, letter or file they come from")
  .requiredOption("--source-date <date>", "publication date: 2024, 2024-09 or 2024-09-30")
  .option("--source-url <url>", "where to find the document")
  .option("--source-note <text>", "caveats")
  .addOption(
    new Option("--source-kind <kind>", "OFFICIAL, or SYNTHETIC for generated files")
      .choices(["OFFICIAL", "SYNTHETIC"])
      .default("OFFICIAL"),
  )
  .option("--dry-run", "validate and count, write nothing")
  .action(async (formatName: string, file: string, opts: Record<string, string | boolean | undefined>) => {
    const source = ImportSourceSchema.safeParse({
      publisher: opts.sourcePublisher,
      document: opts.sourceDocument,
      date: opts.sourceDate,
      url: opts.sourceUrl,
      note: opts.sourceNote,
      kind: opts.sourceKind,
    });
    if (!source.success) {
      for (const issue of source.error.issues) console.error(`error: ${issue.message}`);
      process.exitCode = 2;
      return;
    }
    const { subgraph, target, copies = {} } = IMPORT_FORMATS[formatName]!;
    const copyTo = Object.keys(copies) as SubgraphName[];
    const steps = progress(`import ${formatName}`, 2 + copyTo.length);
    const summary = await withDatabases([subgraph, ...copyTo], async (dbs) => {
      steps.tick();
      const row = importSourceRow(source.data);
      const result = await runImport(dbs[subgraph], target, file, row, { dryRun: Boolean(opts.dryRun) });
      steps.tick();
      // the subgraphs that keep a copy take the same file once the first has accepted it
      if (result.errors.length === 0 && !result.dryRun) {
        for (const name of copyTo) {
          const copy = await runImport(dbs[name], copies[name]!, file, row);
          if (copy.errors.length > 0)
            throw new Error(`the ${name} subgraph refused the copy: ${copy.errors.map(formatImportError).join("; ")}`);
          steps.tick();
        }
      }
      steps.done();
      return result;
    });
    for (const error of summary.errors) console.error(formatImportError(error));
    const w = summary.written;
    const verb = summary.dryRun ? "would write" : "written";
    console.log(
      `${summary.file}: ${summary.read} rows read, ${summary.rejected} rejected; ${verb}: ${w.inserted} inserted, ${w.updated} updated, ${w.unchanged} unchanged` +
        (summary.errors.length > 0 ? `; nothing written (${summary.errors.length} errors)` : ""),
    );
    process.exitCode = summary.errors.length > 0 ? 1 : 0;
  });

program
  .command("generate")
  .description(
    "generate SYNTHETIC figures (deterministic for a seed) beside the official ones; never over real figures",
  )
  .option("--seed <n>", "random seed", integer, 1)
  .option("--years <years>", "years, e.g. 2015-2024 or 2017,2019", parseYears, parseYears("2015-2024"))
  .option(
    "--municipalities <n>",
    "generate for the first n of the 342 municipalities (scale: years × municipalities)",
    integer,
  )
  .action(async (opts: { seed: number; years: number[]; municipalities?: number }) => {
    if (opts.municipalities !== undefined && (opts.municipalities < 1 || opts.municipalities > 342)) {
      console.error("error: --municipalities must be between 1 and 342");
      process.exitCode = 2;
      return;
    }
    const scale = {
      seed: opts.seed,
      years: opts.years,
      ...(opts.municipalities ? { municipalities: opts.municipalities } : {}),
    };
    console.log(
      `scale: ${opts.years.length} years × ${opts.municipalities ?? 342} municipalities (and the 35 regions), seed ${opts.seed}`,
    );
    const modules = Object.entries(SUBGRAPHS).filter(([, module]) => module.seedSynthetic);
    const steps = progress("generate", modules.length);
    let written = 0;
    for (const [name, module] of modules) {
      const counts = await withDatabase(name as SubgraphName, async (db) => {
        const written = await module.seedSynthetic!(db, scale);
        await recordSynthetic(name as SubgraphName, db, scale);
        if (written.inserted + written.updated > 0) await db.announceChange();
        return written;
      });
      steps.tick();
      written += counts.inserted + counts.updated;
      console.log(`${name}: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    }
    steps.done();
    console.log(`generate: ${written} rows written`);
  });

program
  .command("verify")
  .description(
    "check stored sums against the published national figures (real data) and the totals synthetic data was made to match; exit code 1 on a difference other than where real and synthetic figures are mixed",
  )
  .action(async () => {
    const checks = await withDatabases(["municipal", "uwv"], (dbs) =>
      verify(dbs, (total) => progress("verify", total)),
    );
    const official = checks.filter(isOfficialCheck);
    const synthetic = checks.filter((c) => !isOfficialCheck(c));
    const line = (c: Check) =>
      `${c.ok ? "ok  " : "DIFF"} ${c.what}: stored ${c.stored}${basisNote(c.storedBasis)}, ${c.referenceBasis === "REAL" ? "published" : "target"} ${c.reference}${basisNote(c.referenceBasis)}${c.ok ? "" : `, difference ${c.difference}`}`;
    console.log(`Real figures against published national figures (${official.length}):`);
    for (const c of official) console.log(`  ${line(c)}`);
    if (official.length === 0)
      console.log("  none: every stored sum holds synthetic figures; import real ones to check them");
    console.log(`Synthetic figures against the totals they were made to match (${synthetic.length}):`);
    for (const c of synthetic) console.log(`  ${line(c)}`);
    const failures = checks.filter(isFailure).length;
    const expected = checks.filter((c) => !c.ok && !isFailure(c)).length;
    const diffs = (list: Check[]) => list.filter((c) => !c.ok).length;
    console.log(
      `verify: ${official.length} official checks, ${plural(diffs(official), "difference")}; ` +
        `${synthetic.length} synthetic-consistency checks, ${plural(diffs(synthetic), "difference")}`,
    );
    if (expected > 0) {
      console.log(
        `${expected} difference${expected === 1 ? " is" : "s are"} expected: real figures have replaced some synthetic ones in ` +
          "a sum (import the other municipalities of that year to compare real figures alone)",
      );
    }
    process.exitCode = failures > 0 ? 1 : 0;
  });

program
  .command("export")
  .description("write a computed table as CSV")
  .addArgument(
    program
      .createArgument(
        "<table>",
        Object.entries(EXPORT_TABLES)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; "),
      )
      .choices(Object.keys(EXPORT_TABLES)),
  )
  .option("--years <years>", "years, e.g. 2017 or 2015-2024", parseYears, parseYears("2015-2024"))
  .option("-o, --out <file>", "write to this file instead of standard output")
  .action(async (table: ExportTable, opts: { years: number[]; out?: string }) => {
    const csv = await withDatabases(["municipal", "uwv"], (dbs) =>
      exportTable(table, dbs, opts, (total) => progress(`export ${table}`, total)),
    );
    if (opts.out) writeFileSync(opts.out, csv);
    else process.stdout.write(csv);
    console.error(
      `export: ${Math.max(0, csv.split("\n").filter(Boolean).length - 1)} rows${opts.out ? ` written to ${opts.out}` : ""}`,
    );
  });

try {
  await program.parseAsync();
} catch (error) {
  // the embedded database in use by another process, or (on PostgreSQL) another writer in the way:
  // one line that says what to do, not a stack trace
  const code = (error as { code?: unknown }).code;
  if (error instanceof DataFolderLocked) console.error(`error: ${error.message}`);
  else if (code === "P2002" || code === "P2034")
    console.error("error: another process wrote the same figures at the same time; nothing was written, run it again");
  else throw error;
  process.exitCode = 1;
}
