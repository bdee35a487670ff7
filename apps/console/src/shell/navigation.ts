import type { PlacingAuthority, Role } from '../api/types';

export type Screen = 'beds' | 'request' | 'worklist' | 'desk' | 'dashboard';

/**
 * What each role works with, the first being where it lands. Mirrors the API's access table
 * (libs/access/src/access-policy.ts): a screen is shown only where its operations are allowed, so
 * nobody is led to a FORBIDDEN (the planning figures are for planners, coordinators, CoMensha and
 * administrators). Police ask for a noodbed, the others with `requestPlacement` for a
 * placement (the request screen picks the one the role may use). The deciding authorities
 * (domain.md §5a) have a worklist: CoMensha and youth care land on it (deciding is most of their
 * work here), coordinators and the NLA on the request form they start most cases with.
 */
export const SCREENS_BY_ROLE: Record<Role, Screen[]> = {
  POLICE: ['request', 'beds'],
  ZORGCOORDINATOR: ['request', 'worklist', 'beds', 'dashboard'],
  COMENSHA: ['worklist', 'request', 'beds', 'dashboard'],
  NLA: ['request', 'worklist', 'beds'],
  JEUGDBESCHERMING: ['worklist', 'request', 'beds'],
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
