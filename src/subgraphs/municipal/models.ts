// Parent types of the resolvers (codegen mappers).
export type { MunicipalFigureModel as OfficialFigureModel } from "../../generated/prisma/models.ts";
export type { SourceModel } from "../../shared/source.ts";
