import type { MessageEntry } from './index';

/** Messages of the engine area. */
export const engineMessages = {
  enginePlaceholder: { en: '', ru: '' },
} satisfies Record<string, MessageEntry>;
