export * from './time-buckets';
export * from './occupancy-history';
export * from './percentiles';
export * from './unmet-demand';
export * from './placement-statistics';
export * from './small-counts';
export * from './offer-responses';
export * from './stale-share-history';
