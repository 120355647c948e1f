// Parent types of the resolvers (codegen mappers): what the catalog hands to each GraphQL type.
import type { Page } from "../../domain/pagination.ts";
import type { Membership } from "../../domain/region-membership.ts";
import type { Match } from "../../domain/search.ts";
import type { MunicipalityChangeModel, MunicipalityModel } from "../../generated/prisma/models.ts";
import type { SearchableMunicipality, SearchableRegion } from "./catalog.ts";

export type {
  MunicipalityModel,
  ProvinceModel,
  LabourMarketRegionModel,
  MunicipalityAliasModel,
  PopulationModel as PopulationFigureModel,
  LabourMarketRegionNameModel as RegionNameModel,
} from "../../generated/prisma/models.ts";
export type { SourceModel } from "../../common/source.ts";

export type CoropAreaModel = { code: string; name: string };
/** A sum of population over some municipalities on a date, and what the sum ran over. */
export type PopulationTotalModel = {
  value: number;
  referenceDate: Date;
  municipalityCount: number;
  /** which municipalities: "region AM01 in the 2021 classification (DERIVED …)" */
  over: string;
};
export type MunicipalityConnectionModel = Page<MunicipalityModel>;
/** A change seen from one side: `other` is the code on the other side. */
export type MunicipalityChangeSideModel = { change: MunicipalityChangeModel; other: "successor" | "dissolved" };
export type RegionMembershipModel = Membership;
export type RegionClassificationModel = { year: number };
export type MunicipalityMatchModel = Match<SearchableMunicipality>;
export type LabourMarketRegionMatchModel = Match<SearchableRegion>;
export type ReferenceYearsModel = Record<string, never>;
