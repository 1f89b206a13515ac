/**
 * Rounds half away from zero to `decimals` places. Binary floating point stores 80.075 as
 * 80.07499999…, so a plain Math.round would round a clerk's exact half down; reading the value
 * back at 12 significant digits first removes that representation noise.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}
