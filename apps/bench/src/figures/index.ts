import type { BenchFigure } from '../figure';
import { facilitiesFilteredFigure } from './facilities-filtered.figure';
import { fanOutFigure } from './fan-out.figure';
import { matchFacilitiesFigures } from './match-facilities.figure';
import { nightFigure } from './night.figure';
import { noodbedAnswerFigure } from './noodbed-answer.figure';
import { placementContentionFigure } from './placement-contention.figure';
import { placementLatencyFigure } from './placement-latency.figure';
import { soakFigure } from './soak.figure';
import { nationalYearFigure } from '../national-year/national-year.figure';

/**
 * Every figure `npm run bench` can print, in print order within a scale. `--only <name>` selects
 * them (match-facilities is one name at three scales), and each distinct scale is seeded once,
 * smallest first. The placement figures run on private databases with API and worker processes
 * of their own (private-cluster.ts), so their requests and holds never change what the others read.
 */
export const FIGURES: readonly BenchFigure[] = [
  ...matchFacilitiesFigures,
  facilitiesFilteredFigure,
  placementContentionFigure,
  noodbedAnswerFigure,
  placementLatencyFigure,
  // Opt-in (--only national-year): minutes to an hour of simulated time.
  nationalYearFigure,
  // Opt-in (--only soak): minutes of steady load (issue 15).
  soakFigure,
  // Opt-in (--only fan-out): 1,200 subscriptions on processes of its own, about a minute (issue 16).
  fanOutFigure,
  // Opt-in (--only night): two simulated nights, one offer at a time and three at once (issue 18), about 2 minutes.
  nightFigure,
];
