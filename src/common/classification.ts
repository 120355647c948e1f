// How a year's region membership is known, in words and as a source: shared by every subgraph that
// lists or sums the members of a region in a year, so each says the same about it.
import type { AreaHistory } from "../domain/area-history.ts";
import { MEMBERSHIP_RULE, type Membership } from "../domain/region-membership.ts";
import { derivedSource, type SourceModel } from "./source.ts";

export interface ClassificationSummary {
  year: number;
  /** OFFICIAL or an imported kind for a complete classification; DERIVED otherwise */
  kind: string;
  source: SourceModel;
  /** one phrase for aggregate notes: "the 2016 classification (CBS: …)" */
  phrase: string;
  uncertain: Membership[];
}

// one summary per history and year: a list of 390 memberships asks for it 390 times
const summaries = new WeakMap<AreaHistory, Map<number, ClassificationSummary>>();

export function classificationOf(
  history: AreaHistory,
  year: number,
  sourceOf: (id: string) => SourceModel,
): ClassificationSummary {
  let byYear = summaries.get(history);
  if (!byYear) summaries.set(history, (byYear = new Map()));
  let summary = byYear.get(year);
  if (!summary) byYear.set(year, (summary = summarise(history, year, sourceOf)));
  return summary;
}

function summarise(history: AreaHistory, year: number, sourceOf: (id: string) => SourceModel): ClassificationSummary {
  const complete = history.membership.classificationSource(year);
  const memberships = [...history.membership.year(year).values()];
  const uncertain = memberships.filter((m) => m.uncertain);
  if (complete !== null) {
    const source = sourceOf(complete);
    return {
      year,
      kind: source.kind,
      source,
      phrase: `the ${year} classification (${source.publisher}: ${source.document})`,
      uncertain,
    };
  }
  const from = history.membership
    .classificationYears()
    .filter((y) => y < year)
    .at(-1);
  const start = from !== undefined ? sourceOf(history.membership.classificationSource(from)!) : null;
  const stated = memberships.filter((m) => m.basis === "STATED").length;
  const basis = [
    start ? `Starts from the ${from} classification (${start.publisher}: ${start.document}).` : null,
    stated > 0 ? `${stated} memberships are stated by CBS's table of ${year}.` : null,
    `${uncertain.length} of ${memberships.length} memberships are uncertain.`,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    year,
    kind: "DERIVED",
    source: derivedSource(`Region membership ${year}, derived`, String(year), `${MEMBERSHIP_RULE} ${basis}`, [
      start ? `${start.publisher}: ${start.document}` : "earlier membership data",
      "the municipal mergers (herindelingen) since",
    ]),
    phrase: `the ${year} membership DERIVED from ${from !== undefined ? `the ${from} classification` : "earlier data"} carried through the mergers since (${uncertain.length} of ${memberships.length} municipalities uncertain)`,
    uncertain,
  };
}

/** The source of one membership: the classification or table that states it, or the rule. */
export function membershipSource(
  history: AreaHistory,
  membership: Membership,
  sourceOf: (id: string) => SourceModel,
): SourceModel {
  if (membership.sourceId !== null) return sourceOf(membership.sourceId);
  const rule = classificationOf(history, membership.year, sourceOf).source;
  return { ...rule, note: `${membership.reason ? `${capitalise(membership.reason)}. ` : ""}${rule.note ?? ""}` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
