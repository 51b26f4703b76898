import { describeFormsOf } from './support/capabilityForms';

// One file per tool: core's memory checker counts app invocations per module registry (per file).
describeFormsOf('lemlist');
