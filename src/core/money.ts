// Money is stored and summed in fen (分), whole numbers, so that 0.1 + 0.2 yuan is 0.3 yuan;
// rules, facts and responses speak yuan.

/** Yuan to whole fen, rounding away the float error of the decimal (12.34 → 1234). */
export const toFen = (yuan: number) => Math.round(yuan * 100);

export const fromFen = (fen: number) => fen / 100;
