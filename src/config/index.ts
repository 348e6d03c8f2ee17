export { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from './config';
export type { Config, Environment } from './config';
