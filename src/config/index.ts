export { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from './config';
export type { Config, Environment, JwtConfig, JwtPublicKey, Limits } from './config';
