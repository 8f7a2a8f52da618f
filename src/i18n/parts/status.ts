/** Messages of the status commands (Vietnamese and English, same keys). */
export const vi = {
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {
};
