import type { MessageEntry } from './index';

/** Messages of the payout engine: rule explanations, scheme validation, missing facts (owner: engine). */
export const engineMessages = {
} satisfies Record<string, MessageEntry>;
