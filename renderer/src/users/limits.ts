/** Longest reason or ticket text kept with a history entry (the history schema's limit). */
export const MAX_REASON_LENGTH = 500;
