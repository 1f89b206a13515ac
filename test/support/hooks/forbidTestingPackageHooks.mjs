export async function resolve(specifier, context, next) {
  if (specifier === '@temporalio/testing' || specifier.startsWith('@temporalio/testing/')) {
    throw new Error(`production wiring loaded ${specifier} (from ${context.parentURL})`);
  }
  return next(specifier, context);
}
