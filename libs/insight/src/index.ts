// The insight lib's public entry: other libs and apps import from '@opvangplek/insight' only.
export * from './capacity-ahead/capacity-ahead.module';
export * from './capacity-ahead/capacity-ahead.service';
export * from './insight.module';
export * from './models/capacity-summary.model';
