export * from './api';
export * from './errors';
export * from './resources';
export * from './wire';
export * from './channels';
