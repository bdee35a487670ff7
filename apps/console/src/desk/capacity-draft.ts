import type { Capacity } from '../api/types';

/** The counts staff set (held places are the offers', set by Opvangplek). */
export type EditableCount = 'total' | 'occupied' | 'outOfService';
export type Counts = Record<EditableCount, number>;
export const EDITABLE: readonly EditableCount[] = ['total', 'occupied', 'outOfService'];

/** The API's ceiling per count (MAX_PLACES_PER_FACILITY in libs/domain/src/capacity.ts). */
export const MAX_PLACES = 10_000;

/**
 * Unsaved steps on one card: the counts as the person saw them (`seen`, at `seenVersion`) and the
 * counts they stepped to. The intended change is the difference, so after someone else's save it
 * can be applied again to the new counts instead of overwriting them.
 */
export interface Draft {
  seen: Counts & { held: number };
  seenVersion: number;
  counts: Counts;
}

export function editableOf(capacity: Pick<Capacity, EditableCount>): Counts {
  return { total: capacity.total, occupied: capacity.occupied, outOfService: capacity.outOfService };
}

export function countsOf(capacity: Pick<Capacity, EditableCount | 'held'>): Counts & { held: number } {
  return { total: capacity.total, occupied: capacity.occupied, outOfService: capacity.outOfService, held: capacity.held };
}

/**
 * How far each count may go, given the others: the API refuses occupied + held + outOfService
 * above total, and anything below 0 or above MAX_PLACES (capacityViolations in libs/domain).
 */
export function limits(counts: Counts, held: number): Record<EditableCount, { min: number; max: number }> {
  return {
    total: { min: Math.min(MAX_PLACES, counts.occupied + held + counts.outOfService), max: MAX_PLACES },
    occupied: { min: 0, max: Math.max(0, counts.total - held - counts.outOfService) },
    outOfService: { min: 0, max: Math.max(0, counts.total - held - counts.occupied) },
  };
}

/** One step, or nothing when it would cross a limit (the button is disabled then anyway). */
export function step(counts: Counts, held: number, key: EditableCount, by: number): Counts {
  const { min, max } = limits(counts, held)[key];
  const next = counts[key] + by;
  if (next < min || next > max) return counts;
  return { ...counts, [key]: next };
}

export function delta(draft: Draft): Counts {
  return {
    total: draft.counts.total - draft.seen.total,
    occupied: draft.counts.occupied - draft.seen.occupied,
    outOfService: draft.counts.outOfService - draft.seen.outOfService,
  };
}

export function hasSteps(draft: Draft | null): draft is Draft {
  return !!draft && EDITABLE.some((key) => draft.counts[key] !== draft.seen[key]);
}

/**
 * The person's change applied to fresh counts, kept within the limits: total first (it bounds the
 * others), then out of service and occupied. `clamped` says the change did not fit as it was.
 */
export function reapply(draft: Draft, fresh: Counts & { held: number }): { counts: Counts; clamped: boolean } {
  const change = delta(draft);
  const wanted: Counts = {
    total: fresh.total + change.total,
    occupied: fresh.occupied + change.occupied,
    outOfService: fresh.outOfService + change.outOfService,
  };
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
  const total = clamp(wanted.total, Math.min(MAX_PLACES, fresh.held), MAX_PLACES);
  const outOfService = clamp(wanted.outOfService, 0, Math.max(0, total - fresh.held));
  const occupied = clamp(wanted.occupied, 0, Math.max(0, total - fresh.held - outOfService));
  const counts = { total, occupied, outOfService };
  return { counts, clamped: EDITABLE.some((key) => counts[key] !== wanted[key]) };
}

/**
 * The draft after newer counts arrived (live, or read after a CONFLICT). When nothing the person
 * can set moved (only an offer's held place did, which every offer and arrival does) and the steps
 * still fit, the same intended counts stand on the new version: nothing they saw is contradicted.
 * Otherwise null: the person has to see the new counts and confirm.
 */
export function rebaseQuietly(draft: Draft, fresh: Capacity): Draft | null {
  const same = EDITABLE.every((key) => draft.seen[key] === fresh[key]);
  if (!same) return null;
  const bounds = limits(draft.counts, fresh.held);
  if (EDITABLE.some((key) => draft.counts[key] < bounds[key].min || draft.counts[key] > bounds[key].max)) return null;
  return { seen: countsOf(fresh), seenVersion: fresh.version, counts: draft.counts };
}
