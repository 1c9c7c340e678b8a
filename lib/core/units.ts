/** Hours in the billing month: the AWS Pricing Calculator convention (365 x 24 / 12). Defined here only. */
export const HOURS_PER_MONTH = 730;
/** Months in a year, for per-year figures and commitment terms. */
export const MONTHS_PER_YEAR = 12;
/** Seconds in an hour: per-second billing converts through this. */
export const SECONDS_PER_HOUR = 3600;
/** Milliseconds in an hour: bill timestamps (Date.parse) convert through this. */
export const MS_PER_HOUR = SECONDS_PER_HOUR * 1000;
/** MiB in a GiB. Fargate sizes are GiB ("GB" on AWS's pages) of 1024 MiB. */
export const MIB_PER_GIB = 1024;
/** CPU units per vCPU in ECS task definitions. */
export const CPU_UNITS_PER_VCPU = 1024;
