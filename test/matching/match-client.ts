/**
 * The `matchFacilities` query as a client sends it (the benchmark's document, so the specs and the
 * figures exercise one query), with the shape of its answer, for the specs in this folder. Every field a scenario asserts on is selected, so a spec reads like the issue.
 */
import type { ExclusionCode, ShelterType } from '@opvangplek/domain';
import { MATCH_FACILITIES_QUERY } from '../../apps/bench/src/figures/match-facilities.figure';
import { gql, type GraphQLResponse } from '../support/graphql-client';

export interface FacilityView {
  id: string;
  key: string;
  name: string;
  type: ShelterType;
  secretAddress: boolean;
  address: string | null;
  municipality: string | null;
  latitude: number | null;
  longitude: number | null;
  placingAuthority: string;
  region: { code: string };
  intake: { alwaysOpen: boolean; openNow: boolean; nextOpeningAt: string };
  eligibility: { genders: string[]; maxGroupSize: number };
  /** Null for a secret-address facility the caller may not see the counts of (issue 12). */
  capacity: { total: number; occupied: number; held: number; outOfService: number; available: number } | null;
  availability: { band: 'NONE' | 'AVAILABLE' };
}

export interface FacilityMatch {
  facility: FacilityView;
  score: number;
  placeableNow: boolean;
  placeableAt: string;
  reasons: string[];
  freshness: string;
  distanceKm: number | null;
}

export interface FacilityExclusion {
  facility: FacilityView;
  reasons: { code: ExclusionCode; message: string }[];
}

export interface Advice {
  code: string;
  message: string;
  bridgeFacilityId: string | null;
  onwardFacilityId: string | null;
  onwardPlaceableAt: string | null;
}

export interface MatchResult {
  matches: FacilityMatch[];
  excluded: FacilityExclusion[];
  advice: Advice[];
  matchCount: number;
  excludedCount: number;
  exclusionSummary: { code: ExclusionCode; facilities: number }[];
  evaluatedAt: string;
}

/** A profile as the GraphQL variables carry it (enum values as strings, as a client sends them). */
export type Profile = Record<string, unknown>;
export type MatchOptions = { at?: string; requesterRegionCode?: string; first?: number; excludedFirst?: number };

/** Sends the query; the raw response, for the specs that look at errors. */
export function matchRequest(
  baseUrl: string,
  profile: Profile,
  options: MatchOptions | undefined,
  token: string | undefined,
): Promise<GraphQLResponse<{ matchFacilities: MatchResult }>> {
  return gql<{ matchFacilities: MatchResult }>(baseUrl, MATCH_FACILITIES_QUERY, { token, variables: { profile, options } });
}

/** Sends the query and returns the result, failing with the errors when there are any. */
export async function matchOrFail(
  baseUrl: string,
  profile: Profile,
  options: MatchOptions | undefined,
  token: string,
): Promise<MatchResult> {
  const response = await matchRequest(baseUrl, profile, options, token);
  if (response.errors?.length || !response.data) {
    throw new Error(`matchFacilities failed: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data.matchFacilities;
}

/** Codes of an excluded facility's reasons. */
export const codesOf = (exclusion: FacilityExclusion): ExclusionCode[] => exclusion.reasons.map((reason) => reason.code);

/** The advice with this code, if given. */
export const adviceOf = (result: MatchResult, code: string): Advice | undefined =>
  result.advice.find((advice) => advice.code === code);
