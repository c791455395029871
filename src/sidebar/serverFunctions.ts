/**
 * The server functions the sidebar may call, typed from the server modules themselves (type-only:
 * no server code enters the sidebar bundle). A renamed or removed server function, or a wrong
 * argument, is a compile error in the sidebar (STYLE §10).
 */
export type ServerFunctions = typeof import('../sheets/sidebarServer') & typeof import('../sheets/earningsServer');
