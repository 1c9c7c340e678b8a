import Big from "big.js";

/**
 * lib/billing sums bill rows with big.js, configured as the pricing engine configured it before the engine got its
 * own decimal (lib/core/money.ts): divisions keep 20 decimals, half-up, plain notation (no "1e-7") in toString.
 */
Big.DP = 20;
Big.RM = Big.roundHalfUp;
Big.NE = -40;
Big.PE = 40;

export const ZERO = new Big(0);
