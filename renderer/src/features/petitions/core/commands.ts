// Every write of the petitions module, by concept (each one a command of db/command.ts), with the
// deadline helpers the screens and prints show beside them.
export * from './conclusion';
export * from './context';
export * from './deadlines';
export * from './handling';
export * from './reception';
export * from './registration';
export * from './settingsCommands';
export * from './urgent';
