export * from './ethnicity.ts';
export * from './treatment-functions.ts';
export * from './age-bands.ts';
export * from './specialty-search.ts';
export * from './ecds-discharge-destination.ts';
