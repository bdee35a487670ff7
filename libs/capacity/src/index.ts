// The capacity lib's public entry: other libs and apps import from '@opvangplek/capacity' only.
export * from './capacity-ledger';
export * from './capacity.events';
export * from './capacity.module';
export * from './capacity.entities';
export * from './capacity-ahead/capacity-ahead.module';
export * from './capacity-ahead/capacity-ahead.service';
export * from './models/capacity-summary.model';
export * from './models/capacity-sums.model';
