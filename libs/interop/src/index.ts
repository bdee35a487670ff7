// The interop lib's public entry: other libs and apps import from '@opvangplek/interop' only.
export * from './interop.module';
