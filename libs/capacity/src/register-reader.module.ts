import { Module } from '@nestjs/common';
import { RegistryModule } from '@opvangplek/registry';
import { FacilityViews } from './facility-views.service';
import { RegisterReader } from './register-reader';

/**
 * The one reader of facilities with their live counts (RegisterReader) and the views of them, for
 * every feature that reads the register: matching, placement, insight, the open-standard exports.
 */
@Module({
  imports: [RegistryModule],
  providers: [RegisterReader, FacilityViews],
  exports: [RegisterReader, FacilityViews],
})
export class RegisterReaderModule {}
