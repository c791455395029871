import type { MessageEntry } from './index';

/** My earnings and Simulate panels, CLI --simulate (owner: earnings/simulate). */
export const earningsMessages = {
} satisfies Record<string, MessageEntry>;
