export { C2gLogger } from '@c2g/telemetry';
