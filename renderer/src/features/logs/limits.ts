/**
 * The most containers one log window merges into its timeline: one credit-flowed stream and one
 * share of the line buffer each. Links that name more are cut to this (LogsScreen), and the
 * screens that build such links say what was left out.
 */
export const MAX_MERGED = 12;
