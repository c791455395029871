import type { MessageEntry } from './index';

/** Messages of the workbook area. */
export const workbookMessages = {
  workbookPlaceholder: { en: '', ru: '' },
} satisfies Record<string, MessageEntry>;
