// Parent types of the resolvers (codegen mappers): what the data layer hands to each GraphQL type.
import type { Page } from "../../domain/pagination.ts";
import type { AreaKey } from "./loaders.ts";
import type { MunicipalityModel } from "../../generated/prisma/models.ts";

export type {
  MunicipalityModel,
  ProvinceModel,
  LabourMarketRegionModel,
  PopulationModel as PopulationFigureModel,
} from "../../generated/prisma/models.ts";

export type CoropAreaModel = { code: string; name: string };

export type PopulationTotalModel = { area: AreaKey; value: number; referenceDate: Date; municipalityCount: number };

export type MunicipalityConnectionModel = Page<MunicipalityModel>;

export type { SourceModel } from "../../common/source.ts";
