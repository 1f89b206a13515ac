// Shared servers for the whole run are started here (see test/support/README in the project README).
export default async function setup(): Promise<void> {}
