/**
 * Objects are stored down to the score the request asked for (often low); views start from this score so
 * summaries and boxes show what a person would call a find. The viewer's slider can still go lower.
 */
export const DISPLAY_MIN_SCORE = 0.3;
