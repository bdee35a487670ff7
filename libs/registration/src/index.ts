// The registration lib's public entry.
export { RegistrationModule } from './registration.module';
export { VictimRegistrationEntity } from './victim-registration.entity';
export * from './registration.entities';
