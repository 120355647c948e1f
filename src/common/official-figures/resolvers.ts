import { parsePeriod } from "../../domain/periods.ts";

/** Fields of OfficialFigure computed from the stored row, the same in every subgraph serving it. */
export const officialFigureFields = {
  value: (figure: { valueText: string }) => figure.valueText,
  periodStart: (figure: { period: string }) => parsePeriod(figure.period)?.start ?? null,
  periodEnd: (figure: { period: string }) => parsePeriod(figure.period)?.end ?? null,
};
