// The insight lib's public entry: other libs and apps import from '@opvangplek/insight' only.
export * from './insight.module';
