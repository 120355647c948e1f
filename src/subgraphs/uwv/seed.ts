import type { Database } from "../../db/database.ts";
import { readCsv } from "../../common/csv.ts";
import { datasetFile } from "../../common/datasets.ts";
import { readDocumentSources, readOfficialFigures } from "../../common/official-figures/read.ts";
import { syncFigures } from "../../common/official-figures/seed.ts";
import { readReferenceData, SOURCES as CBS } from "../../common/reference-data.ts";
import { LAST_YEAR } from "../../domain/municipal-history.ts";
import { regionsByYear } from "./synthetic.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";
import { quotaLevyParameter, readEmployerParameters, type LevyParameter } from "./employer-parameters.ts";
import type { QuotaRuleModel, UwvRegionModel } from "../../generated/prisma/models.ts";

export function readQuotaRules(levy: LevyParameter): QuotaRuleModel[] {
  return readCsv(datasetFile("quota-rules.csv")).map((row, index) => {
    if (row.applies !== "true" && row.applies !== "false") {
      throw new Error(`quota-rules.csv row ${index + 2}: applies is "${row.applies}", not true or false`);
    }
    return {
      sector: row.sector!,
      yearFrom: Number(row.year_from),
      yearTo: Number(row.year_to),
      applies: row.applies === "true",
      levyPerJobCents: levy.cents,
      activationSourceId: row.activation_source!,
      levySourceId: levy.sourceId,
      quote: row.quote || null,
    };
  });
}

/**
 * The regions of every classification (today's 35, and AM31, Food Valley's code until 2024), each with
 * its latest name and the population of its members in the latest year it has members.
 */
export function readRegions(): UwvRegionModel[] {
  const weigh = regionsByYear();
  const years = Array.from({ length: LAST_YEAR - 2014 }, (_, i) => LAST_YEAR - i);
  return readReferenceData().regions.map((region) => {
    const latest = years.map((year) => weigh(year).find((r) => r.code === region.code)).find(Boolean);
    return { code: region.code, name: region.name, population: latest?.population ?? 0, sourceId: CBS.areas.id };
  });
}

/** Loads the uwv subgraph's official data in one transaction; a second run changes nothing. */
export function seedUwv(db: Database): Promise<SyncCounts> {
  const figures = readOfficialFigures("uwv");
  const laws = readEmployerParameters();
  const rules = readQuotaRules(quotaLevyParameter(laws.parameters));
  const letters = readDocumentSources().filter(
    (s) => figures.some((f) => f.sourceId === s.id) || rules.some((r) => r.activationSourceId === s.id),
  );
  return db.prisma.$transaction(
    async (tx) => {
      const base = await syncFigures(
        { sources: tx.uwvSource, figures: tx.uwvFigure },
        [...letters, { ...CBS.areas }, ...laws.sources],
        figures,
      );
      const regions = await syncRows({
        existing: await tx.uwvRegion.findMany(),
        desired: readRegions(),
        key: (r) => r.code,
        insert: (data) => tx.uwvRegion.createMany({ data }),
        update: ({ code, ...data }) => tx.uwvRegion.update({ where: { code }, data }),
      });
      const quota = await syncRows({
        existing: await tx.quotaRule.findMany(),
        desired: rules,
        key: (r) => `${r.sector}|${r.yearFrom}`,
        insert: (data) => tx.quotaRule.createMany({ data }),
        update: ({ sector, yearFrom, ...data }) =>
          tx.quotaRule.update({ where: { sector_yearFrom: { sector, yearFrom } }, data }),
      });
      const parameters = await syncRows({
        existing: await tx.employerParameter.findMany(),
        desired: laws.parameters,
        key: (p) => `${p.instrument}|${p.parameter}|${p.validFrom}`,
        insert: (data) => tx.employerParameter.createMany({ data }),
        update: ({ instrument, parameter, validFrom, ...data }) =>
          tx.employerParameter.update({
            where: { instrument_parameter_validFrom: { instrument, parameter, validFrom } },
            data,
          }),
      });
      return addCounts(base, regions, quota, parameters);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
