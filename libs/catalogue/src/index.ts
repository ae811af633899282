export * from './catalogue.events';
export * from './catalogue.commands';
export * from './catalogue.state';
export * from './catalogue.evolve';
export * from './catalogue.decide';
export * from './catalogue.batch';
export * from './catalogue.errors';
export * from './catalogue.compensation';
