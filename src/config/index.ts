export { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from './config';
export type { AnalysisLimits, Config, Environment, JwtConfig, JwtPublicKey, Limits } from './config';
