import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js with only the parts the dashboard draws (bars and lines), registered once. Animation is
 * off: planners read numbers, and a chart that is still moving is harder to read and to test.
 */
Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Filler, Legend, Title, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

/** Colours that stay apart for colour-blind readers (Okabe–Ito). */
export const PALETTE = {
  occupied: '#D55E00',
  held: '#E69F00',
  outOfService: '#999999',
  available: '#009E73',
  total: '#0072B2',
  second: '#CC79A7',
  third: '#56B4E9',
};
