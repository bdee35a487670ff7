export * from './wall-clock';
export * from './holidays';
export * from './opening-hours';
export * from './working-days';
export * from './authority-hours';
export * from './hold-expiry';
