import type { MessageEntry } from './index';

/** Menu items, dialogs, toasts of the Apps Script adapter (owner: sheets adapter). */
export const uiMessages = {
} satisfies Record<string, MessageEntry>;
