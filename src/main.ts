/**
 * The Apps Script entry: exports only, no logic (STYLE §1). The build turns every export into a
 * top-level function with its JSDoc, which is what Sheets, the menu and google.script.run see.
 * Add a line here only once the module exists and bundles.
 */
