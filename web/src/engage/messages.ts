// Engage's messages, English and French. fr must have exactly en's keys (its type says so),
// and web/src/i18n/en.ts merges these into the app's dictionary.

export const engageEn = {
} satisfies Record<string, string>;

export const engageFr: Record<keyof typeof engageEn, string> = {
};
