// node --import this: any resolution of @temporalio/testing throws, so a process started with it
// proves the production wiring never needs the SDK's testing package (a dev dependency).
import { register } from 'node:module';

register(new URL('./forbidTestingPackageHooks.mjs', import.meta.url));
