export * from './api';
export * from './define';
export * from './errors';
export * from './resources';
export * from './wire';
export * from './channels';
export * from './calls/containers';
export * from './calls/engines';
