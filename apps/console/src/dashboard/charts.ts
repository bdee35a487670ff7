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

/**
 * Text and grid lines in the theme's colours (styles.css), read as each chart is made: Chart.js
 * draws on a canvas, which CSS colours do not reach. A chart made before the theme was switched
 * keeps its colours until the screen is opened again.
 */
Chart.register({
  id: 'theme-colours',
  beforeInit() {
    const style = getComputedStyle(document.documentElement);
    Chart.defaults.color = style.getPropertyValue('--muted').trim() || Chart.defaults.color;
    Chart.defaults.borderColor = style.getPropertyValue('--line').trim() || Chart.defaults.borderColor;
  },
});

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
