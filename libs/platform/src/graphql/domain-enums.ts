/**
 * Registers the contract's enums with the GraphQL schema, once, under their contract names.
 * Imported for its side effect by every module whose models use them.
 */
import { registerEnumType } from '@nestjs/graphql';
import {
  DeclineReason,
  OfferAnswer,
  AangifteStatus,
  B8Status,
  CareNeed,
  ExploitationType,
  Freshness,
  Gender,
  StayOutcome,
  TransferReason,
  PlacementStatus,
  PlacingAuthority,
  ResidenceStatus,
  ShelterType,
  ThreatLevel,
  UpdateCadence,
  TimeBucket,
  UnmetNeed,
  Urgency,
  WaitingReason,
} from '@opvangplek/domain';

registerEnumType(ShelterType, { name: 'ShelterType', description: 'Kind of shelter (opvangvorm), domain.md §2.' });
registerEnumType(PlacingAuthority, { name: 'PlacingAuthority', description: 'Who may place in a kind (plaatsingsbevoegd).' });
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(ExploitationType, { name: 'ExploitationType' });
registerEnumType(ResidenceStatus, { name: 'ResidenceStatus' });
registerEnumType(B8Status, { name: 'B8Status', description: 'Status under chapter B8/3 of the Vreemdelingencirculaire.' });
registerEnumType(AangifteStatus, { name: 'AangifteStatus', description: 'Whether a police report (aangifte) was made.' });
registerEnumType(CareNeed, { name: 'CareNeed', description: 'Multiproblematiek: LVB, GGZ, addiction, several life domains.' });
registerEnumType(ThreatLevel, { name: 'ThreatLevel' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(Freshness, { name: 'Freshness', description: 'How recently staff vouched for a capacity figure.' });
registerEnumType(PlacementStatus, { name: 'PlacementStatus' });
registerEnumType(UpdateCadence, {
  name: 'UpdateCadence',
  description: 'How often a facility is expected to confirm its capacity.',
});
registerEnumType(WaitingReason, { name: 'WaitingReason', description: 'Why a request waits.' });
registerEnumType(TimeBucket, {
  name: 'TimeBucket',
  description: "Buckets of the planners' history: hours, or days and weeks as Amsterdam clocks count them.",
});
registerEnumType(UnmetNeed, {
  name: 'UnmetNeed',
  description: 'A kind of person the register often has no place for (domain.md §4).',
});
registerEnumType(DeclineReason, {
  name: 'DeclineReason',
  description: 'Why a shelter declined an offer, as a code the response figures count (issue 18).',
});
registerEnumType(OfferAnswer, { name: 'OfferAnswer', description: 'How a shelter answered an offer to its facility.' });
registerEnumType(StayOutcome, {
  name: 'StayOutcome',
  description: 'How a stay ended: where she went, as far as known.',
});
registerEnumType(TransferReason, {
  name: 'TransferReason',
  description: 'Why she moves from the place she is in to another (requestTransfer).',
});
