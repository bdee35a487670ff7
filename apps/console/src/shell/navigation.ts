import type { PlacingAuthority, Role } from '../api/types';

export type Screen = 'beds' | 'request' | 'cases' | 'worklist' | 'desk' | 'dashboard';

/**
 * What each role works with, the first being where it lands. Mirrors the API's access table
 * (libs/access/src/access-policy.ts): a screen is shown only where its operations are allowed, so
 * nobody is led to a FORBIDDEN (the planning figures are for planners, coordinators, CoMensha and
 * administrators). Police ask for a noodbed, the others with `requestPlacement` for a
 * placement (the request screen picks the one the role may use). The deciding authorities
 * (domain.md §5a) have a worklist: CoMensha and youth care land on it (deciding is most of their
 * work here), coordinators and the NLA on the request form they start most cases with. Whoever
 * requests has "Mijn aanvragen" (`cases`) beside the form: the requests made, each at its own address.
 */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  POLICE: ['request', 'cases', 'beds'],
  ZORGCOORDINATOR: ['request', 'cases', 'worklist', 'beds', 'dashboard'],
  COMENSHA: ['worklist', 'request', 'cases', 'beds', 'dashboard'],
  NLA: ['request', 'cases', 'worklist', 'beds'],
  JEUGDBESCHERMING: ['worklist', 'request', 'cases', 'beds'],
  SHELTER_STAFF: ['desk', 'beds'],
  PLANNER: ['dashboard', 'beds'],
  ADMIN: ['beds', 'dashboard'],
};

/** Whose worklist a role works: the authority its requests wait for (domain.md §5a). */
export const WORKLIST_AUTHORITY: Partial<Record<Role, PlacingAuthority>> = {
  COMENSHA: 'COMENSHA',
  ZORGCOORDINATOR: 'ZORGCOORDINATOR',
  NLA: 'NLA',
  JEUGDBESCHERMING: 'JEUGDBESCHERMING',
};

export function screensFor(role: Role): Screen[] {
  return SCREENS_BY_ROLE[role] ?? ['beds'];
}

export function screenFromPath(pathname: string, allowed: Screen[]): Screen | undefined {
  const name = pathname.replace(/^\/+/, '').split('/')[0];
  return allowed.find((screen) => screen === name);
}

/** Where the console is: a screen, or one case (a request) on the `cases` screen. */
export interface Route {
  screen: Screen;
  caseId?: string;
}

/** One case's address: `/aanvraag/<id>`, the same after a reload, a re-login or in a colleague's tab. */
export const CASE_PATH = '/aanvraag/';
const CASE_ADDRESS = /^\/aanvraag\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

export function pathOf(route: Route): string {
  return route.caseId ? `${CASE_PATH}${route.caseId}` : `/${route.screen}`;
}

/** The route an address names, when this role may go there (a case only for those with `cases`). */
export function routeFromPath(pathname: string, allowed: Screen[]): Route | undefined {
  const caseAddress = CASE_ADDRESS.exec(pathname);
  if (caseAddress) return allowed.includes('cases') ? { screen: 'cases', caseId: caseAddress[1].toLowerCase() } : undefined;
  const screen = screenFromPath(pathname, allowed);
  return screen ? { screen } : undefined;
}
