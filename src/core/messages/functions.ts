import type { MessageEntry } from './index';

/** Messages of the custom functions (SPEC §5). */
export const functionMessages = {
  fnNotANumber: { en: '{fn}: {arg}{cell}: "{value}" is not a number', ru: '{fn}: {arg}{cell}: «{value}» — не число' },
} satisfies Record<string, MessageEntry>;
