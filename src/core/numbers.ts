/**
 * Rounds half away from zero to `decimals` places. Binary floating point stores 80.075 as
 * 80.07499999…, so a plain Math.round would round a clerk's exact half down; reading the value
 * back at 12 significant digits first removes that representation noise. Only values next to a
 * half can be affected, and toPrecision is slow, so the others skip it.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  let scaled = Math.abs(value) * factor;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}
