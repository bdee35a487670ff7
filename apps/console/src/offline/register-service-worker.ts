/**
 * Makes the console installable and able to open without a network (public/sw.js keeps its own
 * files). Only from the built console: under `npm run console:dev` a worker would keep Vite's
 * development modules and hide the hot reload.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: Error) => console.warn(`service worker: ${error.message}`));
  });
}
