import type { BenchFigure } from '../figure';
import { facilitiesFilteredFigure } from './facilities-filtered.figure';

/**
 * Every figure `npm run bench` can print, in print order within a scale. Add later figures here
 * (matchFacilities at scale 1/10/100; placement contention across processes): `--only <name>`
 * selects them, and each distinct scale is seeded once, smallest first.
 */
export const FIGURES: readonly BenchFigure[] = [facilitiesFilteredFigure];
