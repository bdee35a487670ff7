import type { PlacingAuthority, Role } from '../api/types';

export type Screen = 'beds' | 'request' | 'cases' | 'worklist' | 'escalations' | 'actions' | 'desk' | 'dashboard';

/**
 * What each role works with, the first being where it lands. Mirrors the API's access table
 * (libs/access/src/access-policy.ts): a screen is shown only where its operations are allowed, so
 * nobody is led to a FORBIDDEN (the planning figures are for planners, coordinators, CoMensha and
 * administrators). Police ask for a noodbed, the others with `requestPlacement` for a
 * placement (the request screen picks the one the role may use). The deciding authorities
 * (domain.md §5a) have a worklist: CoMensha and youth care land on it (deciding is most of their
 * work here), coordinators and the NLA on the request form they start most cases with. Whoever
 * requests has "Mijn aanvragen" (`cases`) beside the form: the requests made, each at its own address.
 * The escalation worklist (`escalations`) is for those an escalation is listed for: the region's
 * coordinators and CoMensha nationally (README, Escalation; 002:362-364). Planned actions
 * (`actions`, 003:493-496) are for those who may plan them: coordinators, CoMensha and the NLA.
 */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  POLICE: ['request', 'cases', 'beds'],
  ZORGCOORDINATOR: ['request', 'cases', 'worklist', 'escalations', 'actions', 'beds', 'dashboard'],
  COMENSHA: ['worklist', 'escalations', 'actions', 'request', 'cases', 'beds', 'dashboard'],
  NLA: ['request', 'cases', 'worklist', 'actions', 'beds'],
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

/**
 * Where the console is: a screen, one case (a request) on the `cases` screen, or the request being
 * decided on the worklist (`requestId`).
 */
export interface Route {
  screen: Screen;
  caseId?: string;
  requestId?: string;
}

/** One case's address: `/aanvraag/<id>`, the same after a reload, a re-login or in a colleague's tab. */
export const CASE_PATH = '/aanvraag/';
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const CASE_ADDRESS = new RegExp(`^/aanvraag/${UUID}/?$`, 'i');
/** The request being decided: `/worklist/<id>`, found again after a reload or from a colleague's link. */
const WORKLIST_ADDRESS = new RegExp(`^/worklist/${UUID}/?$`, 'i');

export function pathOf(route: Route): string {
  if (route.caseId) return `${CASE_PATH}${route.caseId}`;
  if (route.screen === 'worklist' && route.requestId) return `/worklist/${route.requestId}`;
  return `/${route.screen}`;
}

/** The route an address names, when this role may go there (a case only for those with `cases`). */
export function routeFromPath(pathname: string, allowed: Screen[]): Route | undefined {
  const caseAddress = CASE_ADDRESS.exec(pathname);
  if (caseAddress) return allowed.includes('cases') ? { screen: 'cases', caseId: caseAddress[1].toLowerCase() } : undefined;
  const worklistAddress = WORKLIST_ADDRESS.exec(pathname);
  if (worklistAddress)
    return allowed.includes('worklist') ? { screen: 'worklist', requestId: worklistAddress[1].toLowerCase() } : undefined;
  const screen = screenFromPath(pathname, allowed);
  return screen ? { screen } : undefined;
}
