export * from './scheme';
export * from './registry';
export * from './nerima/nerima.summary';
export * from './taisho/taisho.summary';
export * from './ordinal/ordinal.summary';
