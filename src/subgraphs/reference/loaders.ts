import DataLoader from "dataloader";
import { manyByKey, oneByKey } from "../../common/batch.ts";
import type { MunicipalityModel } from "../../generated/prisma/models.ts";
import type { ReferenceRepository } from "./repository.ts";

/** An area whose members can be listed: a province, a region, or the whole country. */
export type AreaKey = `province:${string}` | `region:${string}` | "country";
/** `${area}|${includeDissolved}` */
export type MembershipKey = `${AreaKey}|${boolean}`;
/** `${area}|${ISO date}` */
export type AreaDateKey = `${AreaKey}|${string}`;

const dateKey = (date: Date) => date.toISOString().slice(0, 10);

/** Created once per request (see context.ts), so every batch and cache lives for one request. */
export function createReferenceLoaders(repo: ReferenceRepository) {
  const municipality = new DataLoader<string, MunicipalityModel | null>(async (codes) =>
    oneByKey(codes, await repo.municipalities(codes), (m) => m.code),
  );

  const members = new DataLoader<MembershipKey, MunicipalityModel[]>(async (keys) => {
    const results = new Map<MembershipKey, MunicipalityModel[]>();
    for (const includeDissolved of [false, true]) {
      const wanted = keys.filter((k) => k.endsWith(`|${includeDissolved}`)).map((k) => k.split("|")[0] as AreaKey);
      if (wanted.length === 0) continue;
      const provinceCodes = wanted.filter((a) => a.startsWith("province:")).map((a) => a.slice(9));
      const regionCodes = wanted.filter((a) => a.startsWith("region:")).map((a) => a.slice(7));
      const rows = wanted.includes("country")
        ? await repo.municipalitiesIn({ includeDissolved })
        : await repo.municipalitiesIn({
            includeDissolved,
            // one query over both kinds: OR is expressed as two lists only when both are asked
            ...(provinceCodes.length && !regionCodes.length ? { provinceCodes } : {}),
            ...(regionCodes.length && !provinceCodes.length ? { regionCodes } : {}),
          });
      for (const row of rows) municipality.prime(row.code, row);
      for (const area of wanted) {
        results.set(
          `${area}|${includeDissolved}`,
          rows.filter((m) => inArea(m, area)),
        );
      }
    }
    return keys.map((key) => results.get(key) ?? []);
  });

  const latestPopulationDate = new DataLoader<"latest", Date | null>(async (keys) => {
    const latest = await repo.latestPopulationDate();
    return keys.map(() => latest);
  });

  return {
    municipality,
    members,
    municipalityCodeByName: new DataLoader<string, string | null>(async (keys) =>
      oneByKey(keys, await repo.namesByKey(keys), (n) => n.searchKey).map((n) => n?.municipalityCode ?? null),
    ),
    names: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await repo.namesOf(codes), (n) => n.municipalityCode),
    ),
    province: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await repo.provinces(codes), (p) => p.code),
    ),
    region: new DataLoader(async (codes: readonly string[]) =>
      oneByKey(codes, await repo.regions(codes), (r) => r.code),
    ),
    populations: new DataLoader(async (codes: readonly string[]) =>
      manyByKey(codes, await repo.populationsOf(codes), (p) => p.municipalityCode),
    ),
    /** sum and count of the population of an area on a date */
    populationTotal: new DataLoader<AreaDateKey, { value: number; count: number }>(async (keys) => {
      const parsed = keys.map((key) => {
        const [area, date] = key.split("|") as [AreaKey, string];
        return { key, area, date };
      });
      const dates = [...new Set(parsed.map((p) => p.date))].map((d) => new Date(`${d}T00:00:00Z`));
      const areas = parsed.map((p) => p.area);
      const provinceCodes = areas.filter((a) => a.startsWith("province:")).map((a) => a.slice(9));
      const regionCodes = areas.filter((a) => a.startsWith("region:")).map((a) => a.slice(7));
      const rows = await repo.populationsInAreas(
        dates,
        areas.includes("country") || (provinceCodes.length > 0 && regionCodes.length > 0)
          ? {}
          : provinceCodes.length > 0
            ? { provinceCodes }
            : { regionCodes },
      );
      return parsed.map(({ area, date }) => {
        let value = 0;
        let count = 0;
        for (const row of rows) {
          if (dateKey(row.referenceDate) === date && inArea(row.municipality, area)) {
            value += row.value;
            count += 1;
          }
        }
        return { value, count };
      });
    }),
    latestPopulationDate,
    source: new DataLoader(async (ids: readonly string[]) => oneByKey(ids, await repo.sources(ids), (s) => s.id)),
    allProvinces: new DataLoader<"all", Awaited<ReturnType<ReferenceRepository["allProvinces"]>>>(async (keys) => {
      const rows = await repo.allProvinces();
      return keys.map(() => rows);
    }),
    allRegions: new DataLoader<"all", Awaited<ReturnType<ReferenceRepository["allRegions"]>>>(async (keys) => {
      const rows = await repo.allRegions();
      return keys.map(() => rows);
    }),
  };
}

export type ReferenceLoaders = ReturnType<typeof createReferenceLoaders>;

function inArea(m: { provinceCode: string; labourMarketRegionCode: string | null }, area: AreaKey): boolean {
  if (area === "country") return true;
  if (area.startsWith("province:")) return m.provinceCode === area.slice(9);
  return m.labourMarketRegionCode === area.slice(7);
}

export { dateKey };
