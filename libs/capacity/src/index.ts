// The capacity lib's public entry: other libs and apps import from '@opvangplek/capacity' only.
export * from './capacity-ledger';
export * from './capacity.events';
export * from './capacity.module';
export * from './capacity.entities';
