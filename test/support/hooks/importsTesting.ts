// The control of test/e2e/productionWiring.test.ts: an entry that does load the testing package.
await import('@temporalio/testing');
