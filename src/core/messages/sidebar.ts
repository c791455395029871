import type { MessageEntry } from './index';

/** The scheme wizard sidebar: labels, help texts from the seeds vocabulary (owner: sidebar). */
export const sidebarMessages = {
} satisfies Record<string, MessageEntry>;
