import { Module } from '@nestjs/common';
import { PlacementModule } from '@opvangplek/placement';
import { RegistryModule } from '@opvangplek/registry';
import { RegistrationsResolver } from './registrations.resolver';
import { RegistrationsService } from './registrations.service';

/** Registration with CoMensha (issue 14): the victim_registrations table's one way in. */
@Module({
  imports: [RegistryModule, PlacementModule],
  providers: [RegistrationsService, RegistrationsResolver],
})
export class RegistrationModule {}
