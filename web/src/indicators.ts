// The indicators the map can be coloured by: how each is read from a region's figures, how it is shown,
// and which colours it gets.
import type { Figure, RegionFigures, RegionPart } from "./data.ts";
import type { NumberKind } from "./format.ts";
import { formatDate, formatNumber, toNumber } from "./format.ts";
import { t, type LabelKey } from "./i18n.ts";

export const INDICATORS = ["extraJobs", "jobsPerThousand", "buigResult", "shelteredProgress"] as const;
export type IndicatorId = (typeof INDICATORS)[number];

export interface Indicator {
  id: IndicatorId;
  label: LabelKey;
  kind: NumberKind;
  /** colours: one hue from light to dark, or red (below zero) to blue (above) */
  scheme: "blues" | "purples" | "greens" | "diverging";
  /** the regions' figures it is read from */
  part: RegionPart;
  value(region: RegionFigures, year: number): Figure;
}

/** jobs ÷ population × 1,000, computed here; synthetic when either input is. */
function jobsPerThousand(region: RegionFigures, year: number): Figure {
  const jobs = toNumber(region.jobs.value);
  const population = toNumber(region.population.value);
  if (jobs === null || population === null || population === 0) return { value: null, source: null };
  // the weakest input decides: synthetic jobs make a synthetic ratio
  const kinds = [region.jobs.source?.kind, region.population.source?.kind];
  const kind = (["SYNTHETIC", "ASSUMED"] as const).find((k) => kinds.includes(k)) ?? "DERIVED";
  const describe = (figure: Figure) =>
    `${figure.value} (${figure.source?.publisher ?? "?"}, ${figure.source?.document ?? "?"}, ${figure.source?.kind ?? "?"})`;
  return {
    value: ((jobs / population) * 1000).toFixed(2),
    source: {
      publisher: t("dashboardPublisher"),
      document: t("indicatorJobsPerThousand"),
      date: String(year),
      kind,
      license: null,
      note: t("perThousandNote", {
        year,
        date: region.population.date ? formatDate(region.population.date) : "?",
        jobs: describe(region.jobs),
        population: describe(region.population),
      }),
    },
  };
}

export const INDICATOR: Record<IndicatorId, Indicator> = {
  extraJobs: {
    id: "extraJobs",
    part: "jobs",
    label: "indicatorExtraJobs",
    kind: "count",
    scheme: "blues",
    value: (r) => r.extraJobs,
  },
  jobsPerThousand: {
    id: "jobsPerThousand",
    part: "jobs",
    label: "indicatorJobsPerThousand",
    kind: "decimal1",
    scheme: "purples",
    value: jobsPerThousand,
  },
  buigResult: {
    id: "buigResult",
    part: "buig",
    label: "indicatorBuigResult",
    kind: "percent",
    scheme: "diverging",
    value: (r) => r.buigResultPercent,
  },
  shelteredProgress: {
    id: "shelteredProgress",
    part: "shelteredWork",
    label: "indicatorShelteredProgress",
    kind: "percent",
    scheme: "greens",
    value: (r) => r.shelteredProgress,
  },
};

export const isIndicator = (value: string | null): value is IndicatorId =>
  (INDICATORS as readonly string[]).includes(value ?? "");

export const formatIndicator = (indicator: Indicator, figure: Figure) => formatNumber(figure.value, indicator.kind);
