import { vi } from './vi.js';

/** English messages: same keys as vi.ts (a test checks it). */
export const en: Record<keyof typeof vi, string> = { ...vi };
