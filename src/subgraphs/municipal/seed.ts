import type { Database } from "../../db/database.ts";
import { eurosToCents } from "../../domain/money.ts";
import { readCsv } from "../../common/csv.ts";
import { datasetFile } from "../../common/datasets.ts";
import { readDocumentSources, readOfficialFigures, type SourceRow } from "../../common/official-figures/read.ts";
import { syncFigures } from "../../common/official-figures/seed.ts";
import { readReferenceData, SOURCES as CBS } from "../../common/reference-data.ts";
import { addCounts, syncRows, type SyncCounts } from "../../common/sync.ts";
import { syncMemberships } from "../../common/membership-seed.ts";
import type { BuigMacrobudgetModel, MunicipalAreaModel, SafetyNetRuleModel } from "../../generated/prisma/models.ts";
import type { SafetyNetRule } from "../../domain/buig.ts";

const percentToBp = (text: string) => Number(eurosToCents(text)); // two decimals: percent × 100 = basis points

/** "7.5-12.5:50;12.5-:100" → bands in basis points */
export function parseBands(text: string): SafetyNetRule["bands"] {
  return text.split(";").map((band) => {
    const m = /^\s*([\d.]+)-([\d.]*):([\d.]+)\s*$/.exec(band);
    if (!m) throw new Error(`safety-net band "${band}" is not from-to:compensation`);
    return { fromBp: percentToBp(m[1]!), toBp: m[2] ? percentToBp(m[2]) : null, compensationBp: percentToBp(m[3]!) };
  });
}

export function readSafetyNetRules(): { sources: SourceRow[]; rules: SafetyNetRuleModel[] } {
  const sources: SourceRow[] = [];
  const rules: SafetyNetRuleModel[] = [];
  for (const row of readCsv(datasetFile("safety-net-rules.csv"))) {
    const id = `assumed-safety-net-${row.year_from}-${row.year_to}`;
    sources.push({
      id,
      publisher: "nl-work-graph (assumed parameters)",
      document: `Vangnetregeling ${row.year_from}–${row.year_to}, Besluit Participatiewet hoofdstuk 2`,
      url: null,
      date: row.year_from!,
      kind: "ASSUMED",
      license: null,
      note: row.note!,
    });
    for (let year = Number(row.year_from); year <= Number(row.year_to); year++) {
      rules.push({
        year,
        thresholdBp: percentToBp(row.own_risk_percent!),
        bands: parseBands(row.bands!),
        sourceId: id,
      });
    }
  }
  return { sources, rules };
}

export function readMacrobudgets(): BuigMacrobudgetModel[] {
  return readCsv(datasetFile("buig-macrobudget.csv")).map((row) => ({
    year: Number(row.year),
    stage: row.stage!,
    amountCents: eurosToCents(row.amount_eur!),
    qualifier: row.qualifier!,
    publishedOn: row.published_on || null,
    sourceId: row.source!,
    note: row.note || null,
  }));
}

/** The municipalities over time, as the reference data gives them (the province of their last year). */
export function readMunicipalAreas(data = readReferenceData()): MunicipalAreaModel[] {
  return data.municipalities.map((m) => ({
    municipalityCode: m.code,
    name: m.name,
    provinceCode: m.provinceCode,
    lastYear: m.lastYear,
    firstYear: m.firstYear,
    createdOn: m.createdOn,
    dissolvedOn: m.dissolvedOn,
    sourceId: CBS.areas.id,
  }));
}

/**
 * Loads the municipal subgraph's official data in one transaction (a second run changes nothing):
 * the national figures, the 2017 macrobudget, the safety-net rules, and the municipalities, changes
 * and region memberships of every year that it sums areas by.
 */
export function seedMunicipal(db: Database): Promise<SyncCounts> {
  const figures = readOfficialFigures("municipal");
  const macrobudgets = readMacrobudgets();
  const rules = readSafetyNetRules();
  const letters = readDocumentSources().filter(
    (s) => figures.some((f) => f.sourceId === s.id) || macrobudgets.some((m) => m.sourceId === s.id),
  );
  const reference = readReferenceData();
  // the CBS and UWV sources of municipalities, changes and region memberships
  const cbs: SourceRow[] = [CBS.areas, CBS.areasHistory, CBS.classification2015, CBS.classification2016, CBS.changes];
  return db.prisma.$transaction(
    async (tx) => {
      const base = await syncFigures(
        { sources: tx.municipalSource, figures: tx.municipalFigure },
        [...letters, ...cbs, ...rules.sources],
        figures,
      );
      const areas = await syncRows({
        existing: await tx.municipalArea.findMany(),
        desired: readMunicipalAreas(reference),
        key: (a) => a.municipalityCode,
        insert: (data) => tx.municipalArea.createMany({ data }),
        update: ({ municipalityCode, ...data }) => tx.municipalArea.update({ where: { municipalityCode }, data }),
      });
      const changes = await syncRows({
        existing: await tx.municipalAreaChange.findMany(),
        desired: reference.changes.map((c) => ({
          dissolvedCode: c.dissolvedCode,
          successorCode: c.successorCode,
          effectiveDate: c.effectiveDate,
          sourceId: c.sourceId,
        })),
        key: (c) => `${c.dissolvedCode}|${c.successorCode}`,
        insert: (data) => tx.municipalAreaChange.createMany({ data }),
        update: ({ dissolvedCode, successorCode, ...data }) =>
          tx.municipalAreaChange.update({
            where: { dissolvedCode_successorCode: { dissolvedCode, successorCode } },
            data,
          }),
      });
      const memberships = await syncMemberships(
        { classifications: tx.municipalRegionClassification, memberships: tx.municipalRegionMembership },
        reference,
        new Set(cbs.map((s) => s.id)),
      );
      // an imported stage (a real, more precise publication) is left as it is
      const letterIds = new Set(letters.map((l) => l.id));
      const stored = await tx.buigMacrobudget.findMany();
      const imported = new Set(stored.filter((m) => !letterIds.has(m.sourceId)).map((m) => `${m.year}|${m.stage}`));
      const macro = await syncRows({
        existing: stored.filter((m) => letterIds.has(m.sourceId)),
        desired: macrobudgets.filter((m) => !imported.has(`${m.year}|${m.stage}`)),
        key: (m) => `${m.year}|${m.stage}`,
        insert: (data) => tx.buigMacrobudget.createMany({ data }),
        update: ({ year, stage, ...data }) =>
          tx.buigMacrobudget.update({ where: { year_stage: { year, stage } }, data }),
      });
      const ruleCounts = await syncRows({
        existing: await tx.safetyNetRule.findMany(),
        desired: rules.rules,
        key: (r) => String(r.year),
        same: (a, b) =>
          a.thresholdBp === b.thresholdBp &&
          a.sourceId === b.sourceId &&
          JSON.stringify(a.bands) === JSON.stringify(b.bands),
        insert: (data) => tx.safetyNetRule.createMany({ data: data.map((r) => ({ ...r, bands: r.bands as object })) }),
        update: ({ year, ...data }) =>
          tx.safetyNetRule.update({ where: { year }, data: { ...data, bands: data.bands as object } }),
      });
      return addCounts(base, areas, changes, memberships, macro, ruleCounts);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
