// The parameters of the employer instruments (premiekorting, LKV, LIV, quotumheffing) as the law
// texts set them: datasets/employer-instrument-parameters.csv, one row per amount with its article
// and sentence. Each law text version is a source of its own (OFFICIAL: the legislator).
import { readCsv } from "../../common/csv.ts";
import { datasetFile } from "../../common/datasets.ts";
import type { SourceRow } from "../../common/official-figures/read.ts";
import { eurosToCents, type Cents } from "../../domain/money.ts";
import type { EmployerParameterModel } from "../../generated/prisma/models.ts";

const FILE = "employer-instrument-parameters.csv";

export interface LevyParameter {
  cents: Cents;
  sourceId: string;
}

/** The source id of one law text version, e.g. law-BWBR0037522-2018-01-01. */
const sourceIdOf = (bwbId: string, validFrom: string) => `law-${bwbId}-${validFrom}`;

/** Rows and their law text versions as sources; "(same sentence)" quotes resolved to the sentence above. */
export function readEmployerParameters(): { parameters: EmployerParameterModel[]; sources: SourceRow[] } {
  const sources = new Map<string, SourceRow>();
  let previousQuote = "";
  const parameters = readCsv(datasetFile(FILE)).map((row, index) => {
    const where = `${FILE} row ${index + 2}`;
    const validFrom = /\d{4}-\d{2}-\d{2}/.exec(row.law_text_version ?? "")?.[0];
    if (!validFrom) throw new Error(`${where}: law_text_version "${row.law_text_version}" has no date`);
    if (!/^-?\d+(\.\d+)?$/.test(row.value ?? "")) throw new Error(`${where}: value "${row.value}" is not a number`);
    const quote = row.quote_nl!.startsWith("(same") ? previousQuote : row.quote_nl!;
    previousQuote = quote;
    const sourceId = sourceIdOf(row.bwb_id!, validFrom);
    if (!sources.has(sourceId)) {
      sources.set(sourceId, {
        id: sourceId,
        publisher: "De wetgever (Staatsblad), via wetten.overheid.nl",
        document: `${row.law} (${row.bwb_id}), text version ${row.law_text_version}`,
        url: `https://wetten.overheid.nl/${row.bwb_id}/${validFrom}`,
        date: validFrom,
        kind: "OFFICIAL",
        license: "Not copyrighted (Auteurswet art. 11)",
        note: `Amounts transcribed with article and sentence from ${row.source_repository} ${row.source_path} (commit ${row.source_commit!.slice(0, 12)}); ${row.machine_copy === "yes" ? "machine copy" : "re-typed, not a machine copy"}.`,
      });
    }
    return {
      instrument: row.instrument!,
      parameter: row.parameter!,
      validFrom,
      textVersion: row.law_text_version!,
      value: row.value!,
      unit: row.unit!,
      law: row.law!,
      bwbId: row.bwb_id!,
      article: row.article!,
      quote,
      note: row.note || null,
      sourceId,
    };
  });
  return { parameters, sources: [...sources.values()] };
}

/** The quota levy per missing job (Wfsv art. 38h lid 4) from the parameters. */
export function quotaLevyParameter(parameters: readonly EmployerParameterModel[]): LevyParameter & {
  parameter: EmployerParameterModel;
} {
  const parameter = parameters.find(
    (p) => p.instrument === "quotumheffing" && p.parameter === "amount_per_missing_job",
  );
  if (!parameter) throw new Error(`${FILE}: no quotumheffing amount_per_missing_job`);
  return { cents: eurosToCents(parameter.value), sourceId: parameter.sourceId, parameter };
}
