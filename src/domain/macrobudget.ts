import { millionsToCents, type Cents } from "./money.ts";
import { combineQualifiers } from "./provenance.ts";

export { combineQualifiers };

export type BuigStage = "PROVISIONAL" | "FURTHER_PROVISIONAL" | "DEFINITIVE";
export const STAGE_ORDER: readonly BuigStage[] = ["PROVISIONAL", "FURTHER_PROVISIONAL", "DEFINITIVE"];
export const byStage = <T extends { stage: string }>(a: T, b: T) =>
  STAGE_ORDER.indexOf(a.stage as BuigStage) - STAGE_ORDER.indexOf(b.stage as BuigStage);

export interface StoredStage {
  stage: string;
  cents: Cents;
  qualifier: string;
  sourceId: string;
  publishedOn: string | null;
}

/** A published change in millions of euros ("+26", "+142"). */
export interface PublishedChange {
  valueText: string;
  qualifier: string;
  sourceId: string;
}

export interface StageValue {
  stage: BuigStage;
  cents: Cents;
  qualifier: string;
  publishedOn: string | null;
  /** stored: its source; derived: how, and from which sources */
  origin: { sourceId: string } | { inputs: string[]; note: string };
}

/**
 * A year's macrobudget stages: those stored, plus what follows from published changes — the
 * provisional budget from the adjustment on it, and the definitive budget from next year's
 * published increase on this year. Stored stages always win.
 */
export function macrobudgetStagesOf(
  year: number,
  stored: readonly StoredStage[],
  nextYear: readonly StoredStage[],
  published: { adjustmentOnProvisional?: PublishedChange | null; nextYearIncrease?: PublishedChange | null },
): StageValue[] {
  const stages: StageValue[] = stored.map((s) => ({
    stage: s.stage as BuigStage,
    cents: s.cents,
    qualifier: s.qualifier,
    publishedOn: s.publishedOn,
    origin: { sourceId: s.sourceId },
  }));
  const has = (stage: BuigStage) => stages.some((s) => s.stage === stage);

  const adjustment = published.adjustmentOnProvisional;
  const adjusted = stored.find((s) => s.stage === "FURTHER_PROVISIONAL");
  if (adjustment && adjusted && !has("PROVISIONAL")) {
    stages.push({
      stage: "PROVISIONAL",
      cents: adjusted.cents - millionsToCents(adjustment.valueText),
      qualifier: combineQualifiers([adjusted.qualifier, adjustment.qualifier]),
      publishedOn: null,
      origin: {
        inputs: [adjusted.sourceId, adjustment.sourceId],
        note: `Further provisional budget minus the published adjustment of ${adjustment.valueText} million on the provisional budget`,
      },
    });
  }

  const increase = published.nextYearIncrease;
  const next = [...nextYear].sort(byStage).at(-1);
  if (increase && next && !has("DEFINITIVE")) {
    stages.push({
      stage: "DEFINITIVE",
      cents: next.cents - millionsToCents(increase.valueText),
      qualifier: combineQualifiers([next.qualifier, increase.qualifier]),
      publishedOn: null,
      origin: {
        inputs: [next.sourceId, increase.sourceId],
        note: `The ${year + 1} macrobudget (${next.stage.toLowerCase().replace("_", " ")}) minus its published increase of ${increase.valueText} million on ${year}`,
      },
    });
  }
  return stages.sort(byStage);
}
