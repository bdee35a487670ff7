/**
 * The committed migrations in order. `npm run migration:generate -- <Name>` writes a new file here
 * and appends it to this list; never edit a migration that has been released.
 */
import { InitialRegister1795324571031 } from './1795324571031-InitialRegister';
import { PlacementWorkflow1795325902357 } from './1795325902357-PlacementWorkflow';
import { AuditLog1795326750474 } from './1795326750474-AuditLog';
import { EncryptedNotes1795329430601 } from './1795329430601-EncryptedNotes';
import { ProfileRetention1795329579530 } from './1795329579530-ProfileRetention';
import { InsightFigures1795332170943 } from './1795332170943-InsightFigures';
import { RegisterVersion1795400000000 } from './1795400000000-RegisterVersion';
import { Municipalities1795500000000 } from './1795500000000-Municipalities';
import { AuthorityWorklists1795600000000 } from './1795600000000-AuthorityWorklists';
import { GroupShares1795700000000 } from './1795700000000-GroupShares';
import { GroupMembers1795800000000 } from './1795800000000-GroupMembers';
import { WorklistKind1795900000000 } from './1795900000000-WorklistKind';
import { AuditKeyedChain1796000000000 } from './1796000000000-AuditKeyedChain';
import { ApplicationRole1796200000000 } from './1796200000000-ApplicationRole';
import { EncryptedProfiles1796300000000 } from './1796300000000-EncryptedProfiles';
import { CallerLimits1796400000000 } from './1796400000000-CallerLimits';
import { AuditRowMac1796500000000 } from './1796500000000-AuditRowMac';
import { SealedClientReference1796600000000 } from './1796600000000-SealedClientReference';
import { PlacementNoteCodes1797000000000 } from './1797000000000-PlacementNoteCodes';
import { FacilityIntakePhone1797100000000 } from './1797100000000-FacilityIntakePhone';
import { Webhooks1797300000000 } from './1797300000000-Webhooks';
import { WebhookDeciders1797400000000 } from './1797400000000-WebhookDeciders';
import { PlacementOutcomes1797500000000 } from './1797500000000-PlacementOutcomes';
import { StayOutcomeName1797550000000 } from './1797550000000-StayOutcomeName';
import { Transfers1797600000000 } from './1797600000000-Transfers';
import { ProfileChanges1797610000000 } from './1797610000000-ProfileChanges';
import { PlannedActions1797700000000 } from './1797700000000-PlannedActions';
import { VictimRegistrations1797800000000 } from './1797800000000-VictimRegistrations';
import { EscalationContactFunction1797810000000 } from './1797810000000-EscalationContactFunction';
import { FiguresStale1797820000000 } from './1797820000000-FiguresStale';
import { ImplicitRetryKey1798000000000 } from './1798000000000-ImplicitRetryKey';
import { CapacityDriftRepair1798100000000 } from './1798100000000-CapacityDriftRepair';
import { ReservationsNotHeld1798200000000 } from './1798200000000-ReservationsNotHeld';
import { RegistrationPerPerson1798300000000 } from './1798300000000-RegistrationPerPerson';
import { ParallelOffers1798500000000 } from './1798500000000-ParallelOffers';
import { OfferAnswers1798510000000 } from './1798510000000-OfferAnswers';
import { FiguresAging1798530000000 } from './1798530000000-FiguresAging';
import { SweepRuns1798700000000 } from './1798700000000-SweepRuns';
import { PlacementReadViews1798710000000 } from './1798710000000-PlacementReadViews';
import { ToldAttempt1798720000000 } from './1798720000000-ToldAttempt';

export const MIGRATIONS: Function[] = [
  InitialRegister1795324571031,
  PlacementWorkflow1795325902357,
  AuditLog1795326750474,
  EncryptedNotes1795329430601,
  ProfileRetention1795329579530,
  InsightFigures1795332170943,
  RegisterVersion1795400000000,
  Municipalities1795500000000,
  AuthorityWorklists1795600000000,
  GroupShares1795700000000,
  GroupMembers1795800000000,
  WorklistKind1795900000000,
  AuditKeyedChain1796000000000,
  ApplicationRole1796200000000,
  EncryptedProfiles1796300000000,
  CallerLimits1796400000000,
  AuditRowMac1796500000000,
  SealedClientReference1796600000000,
  PlacementNoteCodes1797000000000,
  FacilityIntakePhone1797100000000,
  Webhooks1797300000000,
  WebhookDeciders1797400000000,
  PlacementOutcomes1797500000000,
  StayOutcomeName1797550000000,
  Transfers1797600000000,
  ProfileChanges1797610000000,
  PlannedActions1797700000000,
  VictimRegistrations1797800000000,
  EscalationContactFunction1797810000000,
  FiguresStale1797820000000,
  ImplicitRetryKey1798000000000,
  CapacityDriftRepair1798100000000,
  ReservationsNotHeld1798200000000,
  RegistrationPerPerson1798300000000,
  ParallelOffers1798500000000,
  OfferAnswers1798510000000,
  FiguresAging1798530000000,
  SweepRuns1798700000000,
  PlacementReadViews1798710000000,
  ToldAttempt1798720000000,
];
