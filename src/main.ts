/**
 * The Apps Script entry: exports only, no logic (STYLE §1). The build turns every export into a
 * top-level function with its JSDoc, which is what Sheets, the menu and google.script.run see.
 * Add a line here only once the module exists and bundles.
 */
export * from './sheets/customFunctions';
export * from './sheets/menu';
export * from './sheets/sidebarServer';
export * from './sheets/server';
export * from './sheets/dialogs';
export * from './sheets/earningsServer';
export * from './sheets/oldTabs';
export * from './sheets/closeServer';
export * from './sheets/statementsServer';
export * from './sheets/regulationServer';
