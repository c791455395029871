import type { MessageEntry } from './index';

/** Messages of the ui area. */
export const uiMessages = {
  uiPlaceholder: { en: '', ru: '' },
} satisfies Record<string, MessageEntry>;
