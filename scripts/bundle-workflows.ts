// Builds the workflow bundle ahead of time (a deployment step); workers build it on first start otherwise.
import { workflowBundle } from '../src/temporal/workflowBundle.js';

const { codePath } = await workflowBundle();
process.stdout.write(`Workflows     ${codePath}\n`);
