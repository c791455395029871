import type { MessageEntry } from './index';

/** Messages of reading the workbook: sheets, headers, bad cells (owner: workbook reader). */
export const workbookMessages = {
} satisfies Record<string, MessageEntry>;
