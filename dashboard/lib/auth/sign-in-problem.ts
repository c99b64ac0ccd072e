/** Why signing in did not work; its own module so the messages can name it without importing server code. */
export type SignInProblem = 'empty' | 'invalid' | 'appRole' | 'unreachable' | 'unknown';
