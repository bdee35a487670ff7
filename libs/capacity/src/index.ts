// The capacity lib's public entry: other libs and apps import from '@opvangplek/capacity' only.
export * from './capacity-counts';
export * from './capacity-ledger';
export * from './capacity-opening';
export * from './capacity-setup';
export * from './capacity.entity';
export * from './capacity.events';
export * from './capacity.module';
export * from './capacity.entities';
export * from './capacity-ahead/capacity-ahead.module';
export * from './capacity-ahead/capacity-ahead.service';
export * from './facility-views.service';
export * from './models/capacity-summary.model';
export * from './models/capacity-sums.model';
export * from './register-reader';
export * from './register-reader.module';
