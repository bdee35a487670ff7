/**
 * Advice the matcher gives beside (or instead of) beds (api-contract.md "Advice codes").
 */
import { B8Status, ExploitationType, ResidenceStatus } from '../enums';
import { MatchingConfig } from '../matching-config';
import { isMinor, VictimProfile } from '../profile';

export enum AdviceCode {
  /** In an asylum procedure: shelter at an AZC, not a bed here (003:665-667). */
  ASYLUM_RECEPTION = 'ASYLUM_RECEPTION',
  /** A minor: youth care (002:771-775). */
  YOUTH_CARE = 'YOUTH_CARE',
  /** An unaccompanied foreign minor: Nidos decides, "bij de geringste indicatie" (003:689-695). */
  NIDOS = 'NIDOS',
  /** Criminal exploitation: the route is decided with the OM (003:490). */
  OM_ROUTE_DECISION = 'OM_ROUTE_DECISION',
  /** Nothing suitable anywhere: escalate to the OvD bevolkingszorg (003:497). */
  ESCALATE_OVD = 'ESCALATE_OVD',
  /** The best kind is closed now: an interim place now, the onward placement later (domain.md:81-83). */
  BRIDGE_THEN_TRANSFER = 'BRIDGE_THEN_TRANSFER',
  /**
   * A foreign victim not yet told of aangifte and B8/3: "De politie moet slachtoffers van mensenhandel
   * daarom altijd op het recht van aangifte en B8/3 wijzen" (000:2086-2087).
   */
  INFORM_B8 = 'INFORM_B8',
}

export interface Advice {
  code: AdviceCode;
  message: string;
  /** BRIDGE_THEN_TRANSFER: the place open now. */
  bridgeFacilityId?: string;
  /** BRIDGE_THEN_TRANSFER: the best-kind place to move on to. */
  onwardFacilityId?: string;
  /** BRIDGE_THEN_TRANSFER: when the onward placement can be made. */
  onwardPlaceableAt?: Date;
}

/** Advice that follows from the profile alone, in a fixed order. */
export function profileAdvice(profile: VictimProfile, config: MatchingConfig): Advice[] {
  const advice: Advice[] = [];
  const residence = profile.residenceStatus ?? ResidenceStatus.UNKNOWN;
  const minor = isMinor(profile) ?? config.eligibility.unknownAge === 'MINOR';
  if (residence === ResidenceStatus.ASYLUM_PROCEDURE) {
    advice.push({
      code: AdviceCode.ASYLUM_RECEPTION,
      message: 'In an asylum procedure: the right to shelter is at an asylum centre (AZC); contact the COA (003:665-667).',
    });
  }
  if (minor) {
    advice.push({
      code: AdviceCode.YOUTH_CARE,
      message: 'A minor: only youth care (jeugdzorg) is suitable; involve Veilig Thuis or jeugdbescherming (002:771-775).',
    });
    if (profile.unaccompanied !== false && config.nidosResidenceStatuses.includes(residence)) {
      advice.push({
        code: AdviceCode.NIDOS,
        message: 'A possibly unaccompanied foreign minor: contact Nidos, who decides on beschermde opvang (003:689-695).',
      });
    }
  }
  if (profile.b8Status === B8Status.NOT_YET_INFORMED) {
    advice.push({
      code: AdviceCode.INFORM_B8,
      message:
        'Not yet informed: tell her of the right to report (aangifte) and of B8/3, with its reflection period of three months and its shelter (000:2086-2089).',
    });
  }
  if (profile.exploitationTypes.includes(ExploitationType.CRIMINAL)) {
    advice.push({
      code: AdviceCode.OM_ROUTE_DECISION,
      message: 'Criminal exploitation: the screeningsoverleg decides the route with the OM (003:490); shelter is still possible.',
    });
  }
  return advice;
}
