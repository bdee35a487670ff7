/** `GET /console/config.json`: what the console needs before login (see ConsoleConfigController). */
export interface ConsoleConfig {
  oidc: { issuer: string; clientId: string; scope: string } | null;
  development: boolean;
}

export async function fetchConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as ConsoleConfig;
}
