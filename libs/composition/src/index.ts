// The composition lib's public entry: the service's processes put together from the features, for
// the apps (api, worker, standalone, cli), the bench and the tests.
export * from './api.module';
export * from './bootstrap-api';
export * from './entities';
export * from './national-register-seed';
export * from './register-loader';
export * from './worker.module';
