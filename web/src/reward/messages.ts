// Reward's messages, English and French. fr must have exactly en's keys (its type says so),
// and web/src/i18n/en.ts merges these into the app's dictionary.

export const rewardEn = {
} satisfies Record<string, string>;

export const rewardFr: Record<keyof typeof rewardEn, string> = {
};
