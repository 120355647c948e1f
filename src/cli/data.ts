// npm run data -- <command>: load real figures from CSV, generate synthetic ones. Run it while the
// service is stopped when using the embedded database (one process at a time may open it).
import { Command, InvalidArgumentError, Option } from "commander";
import { DatabasePool, prepareSubgraphDatabase } from "../app.ts";
import { databaseLocation, readEnv } from "../config.ts";
import { formatImportError, ImportSourceSchema, importSourceRow } from "../shared/import/csv-import.ts";
import { runImport } from "../shared/import/run.ts";
import { IMPORT_FORMATS } from "../subgraphs/imports.ts";
import { SUBGRAPHS } from "../subgraphs/registry.ts";
import type { SubgraphName } from "../subgraphs/subgraph.ts";

const env = readEnv();

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

async function withDatabase<T>(subgraph: SubgraphName, work: (db: Awaited<ReturnType<DatabasePool["client"]>>) => Promise<T>): Promise<T> {
  const pool = new DatabasePool();
  try {
    const db = await pool.client(databaseLocation(env, subgraph));
    // the schema must exist and hold the official data before anything is added to it
    await prepareSubgraphDatabase(subgraph, db, () => {}, null);
    return await work(db);
  } finally {
    await pool.close();
  }
}

const program = new Command().name("npm run data --").description("Load, generate and check the figures this service serves");

program
  .command("formats")
  .description("list the CSV import formats with their columns and an example")
  .action(() => {
    for (const [name, { subgraph, target }] of Object.entries(IMPORT_FORMATS)) {
      console.log(`${name}  (${subgraph} subgraph)\n  ${target.format.description}`);
      for (const c of target.format.columns) console.log(`  - ${c.name}${c.required ? "" : " (optional)"}: ${c.description}`);
      console.log(`  example:\n${target.format.example.replace(/^/gm, "    ")}`);
    }
  });

program
  .command("import")
  .description("import a CSV file of real figures: all rows or none")
  .addArgument(program.createArgument("<format>", "the file's format (see `formats`)").choices(Object.keys(IMPORT_FORMATS)))
  .argument("<file>", "the CSV file")
  .requiredOption("--source-publisher <name>", "who published the figures, e.g. \"Ministerie van SZW\"")
  .requiredOption("--source-document <title>", "the table, letter or file they come from")
  .requiredOption("--source-date <date>", "publication date: 2024, 2024-09 or 2024-09-30")
  .option("--source-url <url>", "where to find the document")
  .option("--source-note <text>", "caveats")
  .addOption(new Option("--source-kind <kind>", "OFFICIAL, or SYNTHETIC for generated files").choices(["OFFICIAL", "SYNTHETIC"]).default("OFFICIAL"))
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
    const { subgraph, target } = IMPORT_FORMATS[formatName]!;
    const summary = await withDatabase(subgraph, (db) =>
      runImport(db, target, file, importSourceRow(source.data), { dryRun: Boolean(opts.dryRun) }),
    );
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
  .description("generate SYNTHETIC figures (deterministic for a seed) beside the official ones; never over real figures")
  .option("--seed <n>", "random seed", integer, 1)
  .option("--years <years>", "years, e.g. 2015-2024 or 2017,2019", parseYears, parseYears("2015-2024"))
  .action(async (opts: { seed: number; years: number[] }) => {
    for (const [name, module] of Object.entries(SUBGRAPHS)) {
      if (!module.seedSynthetic) continue;
      const counts = await withDatabase(name as SubgraphName, (db) => module.seedSynthetic!(db, opts));
      console.log(`${name}: SYNTHETIC seed ${opts.seed}, ${opts.years[0]}–${opts.years.at(-1)}: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged`);
    }
  });

await program.parseAsync();
