// Series served as published, with the one derived value each needs: assessment rates computed from
// the counts, candidate-profile shares.
import { Dec } from "../../domain/decimal.ts";
import { percentOf } from "../../domain/job-agreement.ts";
import { figureFilterKey } from "../../common/official-figures/loaders.ts";
import type { Context } from "./context.ts";
import { JOB_AGREEMENT } from "./job-agreement.ts";
import type { CandidateProfileCountModel, RetentionFigureModel, ShelteredWorkAssessmentsModel } from "./models.ts";

const REQUESTERS = { municipality_request: "MUNICIPALITY", citizen_request: "CITIZEN", total: "TOTAL" } as const;
const BACKGROUNDS = { all: "ALL", wsw: "WSW", wajong: "WAJONG", participatiewet: "PARTICIPATIEWET" } as const;
const CHANNELS = { municipal: "MUNICIPAL", uwv: "UWV" } as const;

export async function shelteredWorkAssessments(
  filter: { period?: string | null; requester?: string | null },
  ctx: Context,
): Promise<ShelteredWorkAssessmentsModel[]> {
  const figures = (await ctx.loaders.figures.load(figureFilterKey({ topic: "beschut_werk" }))).filter((f) =>
    f.metric.startsWith("assessments"),
  );
  const groups = new Map<string, ShelteredWorkAssessmentsModel>();
  for (const f of figures) {
    const requester = REQUESTERS[f.dimension as keyof typeof REQUESTERS];
    if (!requester) continue;
    const key = `${f.period}|${requester}`;
    const group = groups.get(key) ?? {
      period: f.period,
      requester,
      assessments: null,
      positive: null,
      positiveRatePercent: null,
      publishedPositiveRatePercent: null,
      rateDifference: null,
      sourceId: f.sourceId,
    };
    if (f.metric === "assessments") group.assessments = Number(f.valueText);
    else if (f.metric === "assessments_positive") group.positive = Number(f.valueText);
    else if (f.metric === "assessments_positive_pct") group.publishedPositiveRatePercent = Dec.of(f.valueText);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const rate =
        g.assessments !== null && g.positive !== null ? percentOf(Dec.of(g.positive), Dec.of(g.assessments), 1) : null;
      return {
        ...g,
        positiveRatePercent: rate,
        rateDifference: rate && g.publishedPositiveRatePercent ? rate.sub(g.publishedPositiveRatePercent) : null,
      };
    })
    .filter(
      (g) => (!filter.period || g.period === filter.period) && (!filter.requester || g.requester === filter.requester),
    )
    .sort((a, b) => a.period.localeCompare(b.period) || a.requester.localeCompare(b.requester));
}

export async function retention(
  filter: { background?: string | null; period?: string | null },
  ctx: Context,
): Promise<RetentionFigureModel[]> {
  const figures = await ctx.loaders.figures.load(figureFilterKey({ topic: "retention" }));
  return figures
    .map((f) => ({
      metric: f.metric,
      period: f.period,
      background: BACKGROUNDS[f.dimension as keyof typeof BACKGROUNDS],
      percent: f.valueText,
      qualifier: f.qualifier,
      note: f.note,
      sourceId: f.sourceId,
    }))
    .filter(
      (f) =>
        f.background &&
        (!filter.background || f.background === filter.background) &&
        (!filter.period || f.period === filter.period),
    );
}

export async function candidateProfiles(
  filter: { period?: string | null },
  ctx: Context,
): Promise<CandidateProfileCountModel[]> {
  const figures = (await ctx.loaders.figures.load(JOB_AGREEMENT)).filter(
    (f) => f.metric === "candidate_profiles_published" && (!filter.period || f.period === filter.period),
  );
  const totals = new Map<string, Dec>();
  for (const f of figures) totals.set(f.period, (totals.get(f.period) ?? Dec.of(0)).add(Dec.of(f.valueText)));
  return figures.flatMap((f) => {
    const channel = CHANNELS[f.dimension as keyof typeof CHANNELS];
    if (!channel) return [];
    return [
      {
        period: f.period,
        channel,
        profiles: Number(f.valueText),
        sharePercent: percentOf(Dec.of(f.valueText), totals.get(f.period)!, 1),
        sourceId: f.sourceId,
      },
    ];
  });
}
