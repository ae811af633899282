export * from './sealed-text';
export * from './key-store';
export * from './field-paths';
export * from './personal-text-fields';
export * from './personal-data-event-store';
export * from './erase-personal-texts';
