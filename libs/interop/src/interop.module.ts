import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { RegisterReaderModule } from '@opvangplek/capacity';
import { RegistryModule } from '@opvangplek/registry';
import { FhirController } from './fhir.controller';
import { FhirErrorAnswer } from './fhir-error-answer.middleware';
import { HsdsExportController } from './hsds-export.controller';
import { RegisterExportService } from './register-export.service';

/** The register in open standards (issue 18): Open Referral HSDS 3.1 and HL7 FHIR R4, read-only. */
@Module({
  imports: [RegistryModule, RegisterReaderModule],
  controllers: [HsdsExportController, FhirController],
  providers: [RegisterExportService],
})
export class InteropModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FhirErrorAnswer).forRoutes(FhirController);
  }
}
