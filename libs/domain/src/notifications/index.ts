export * from './webhook-event';
export * from './webhook-audience';
export * from './delivery-schedule';
export * from './escalation-coverage';
