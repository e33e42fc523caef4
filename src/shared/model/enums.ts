// Code lists of the domain (DOMAIN.md). Codes are stable identifiers stored in the project file;
// labels live in ./labels.ts so the UI and the printed sheet read the same words.

export const SEARCH_AREA_STATUSES = ['done', 'continuing', 'not_started', 'no_result', 'unclear'] as const;
export type SearchAreaStatus = (typeof SEARCH_AREA_STATUSES)[number];

export const GRAVE_KINDS = ['newly_found', 'family_cared', 'unidentified'] as const;
export type GraveKind = (typeof GRAVE_KINDS)[number];

export const VERIFICATION_STATES = ['not_verified', 'verified_with_grounds', 'verified_without_grounds'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const CEMETERY_KINDS = ['martyrs', 'local'] as const;
export type CemeteryKind = (typeof CEMETERY_KINDS)[number];

/**
 * What a feature of a cemetery's plan is: a plot holding a known martyr, a plot of a martyr whose
 * details are not known ("liệt sĩ chưa xác định được thông tin"), an empty plot, or the gate (where
 * the locator sheet's path starts).
 */
export const CEMETERY_PLAN_KINDS = ['known', 'unknown', 'empty', 'gate'] as const;
export type CemeteryPlanKind = (typeof CEMETERY_PLAN_KINDS)[number];

export const INFO_POINT_KINDS = ['death_or_battle', 'aid_station', 'initial_burial'] as const;
export type InfoPointKind = (typeof INFO_POINT_KINDS)[number];

export const ADMIN_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export const BASE_POINT_KINDS = [
  'settlement_urban',
  'settlement_rural',
  'seat_province',
  'seat_district',
  'seat_commune',
  'military_province',
  'military_district',
  'military_commune',
  'other_point',
] as const;
export type BasePointKind = (typeof BASE_POINT_KINDS)[number];

export const BASE_LINE_KINDS = ['road', 'railway', 'river', 'stream', 'contour', 'boundary_line', 'other_line'] as const;
export type BaseLineKind = (typeof BASE_LINE_KINDS)[number];

export const BASE_AREA_KINDS = ['lake', 'river_area', 'settlement_area', 'other_area'] as const;
export type BaseAreaKind = (typeof BASE_AREA_KINDS)[number];

export const CONCLUSION_LEVELS = ['village', 'commune', 'district'] as const;
export type ConclusionLevel = (typeof CONCLUSION_LEVELS)[number];

/** Village-level units of a commune (DOMAIN.md): thôn, buôn and bon (ethnic-minority villages), tổ dân phố. */
export const VILLAGE_KINDS = ['thon', 'buon', 'bon', 'tdp'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

/** What an area-conclusion meeting decided (issue 18); absent on conclusions written before. */
export const CONCLUSION_OUTCOMES = ['concluded', 'more_verification', 'reconclude'] as const;
export type ConclusionOutcome = (typeof CONCLUSION_OUTCOMES)[number];

export const LINK_ROLES = ['source', 'names', 'concludes', 'buried_here', 'related'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

/** The six statistics of a conclusion / of the sheet's table (DOMAIN.md), in print order. */
export const STATISTICS = [
  'initially_buried',
  'recovered',
  'not_recovered',
  'family_cared',
  'brought_in',
  'handed_over',
] as const;
export type StatisticKey = (typeof STATISTICS)[number];
