// Model: the domain types in one import.
export * from './geo';
export * from './admin';
export * from './camera';
export * from './incident';
export * from './hotspot';
export * from './dataset';
export * from './basemap';
export * from './view';
export * from './map-data';
export * from './camera-plan';
