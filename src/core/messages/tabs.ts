import type { MessageEntry } from './index';

/** Labels of generated tabs, JSON/CLI texts (owner: tabs + CLI). */
export const tabsMessages = {
} satisfies Record<string, MessageEntry>;
