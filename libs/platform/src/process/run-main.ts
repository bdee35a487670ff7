import { ConfigError } from '../config/app-config';

/**
 * Runs a process entry point: a configuration mistake prints its sentences and exits 2 (no stack
 * trace to wade through); anything else unexpected prints the error and exits 1.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error('Opvangplek stopped on an unexpected error:', error);
    process.exit(1);
  });
}
