// The matching lib's public entry: other libs and apps import from '@opvangplek/matching' only.
export * from './dto/victim-profile.input';
export * from './matching.module';
export * from './matching.service';
export * from './models/match-result.model';
