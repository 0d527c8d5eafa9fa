// The Making Data Count special-cause rules, as NHSRplotthedots' ptd_calculate_point_type.
// Each returns one flag per point; every point of a qualifying run is flagged.
const RUN = 7;

/** Flag the whole run of `RUN` points ending at every i where ends(i) holds. */
function markRuns(n: number, ends: (i: number) => boolean): boolean[] {
  const flags = new Array<boolean>(n).fill(false);
  for (let i = RUN - 1; i < n; i++) if (ends(i)) for (let k = i - RUN + 1; k <= i; k++) flags[k] = true;
  return flags;
}

/**
 * 7 points in a row all rising or all falling; a repeated value (a tie) breaks the run. A peak
 * or trough can end one trend and start the next, so rising and falling runs are also kept apart.
 */
export function trendFlags(y: readonly number[]): { flags: boolean[]; direction: number[]; rising: boolean[]; falling: boolean[] } {
  const step = y.map((v, i) => (i === 0 ? 0 : Math.sign(v - y[i - 1])));
  const direction = new Array<number>(y.length).fill(0);
  const run = (s: number) => markRuns(y.length, (i) => {
    if (step[i] !== s) return false;
    for (let k = i - RUN + 2; k <= i; k++) if (step[k] !== s) return false;
    for (let k = i - RUN + 1; k <= i; k++) direction[k] = s;
    return true;
  });
  const rising = run(1);
  const falling = run(-1);
  return { flags: rising.map((r, i) => r || falling[i]), direction, rising, falling };
}

/** 7 points in a row on one side of the mean; a point on the mean breaks the run. */
export function shiftFlags(side: readonly number[]): boolean[] {
  return markRuns(side.length, (i) => {
    if (side[i] === 0) return false;
    for (let k = i - RUN + 1; k < i; k++) if (side[k] !== side[i]) return false;
    return true;
  });
}

/**
 * 2 of 3 consecutive points beyond the near-limit band (but inside the limits), all three on the
 * same side of the mean; only the points beyond the band are flagged.
 */
export function twoOfThreeFlags(near: readonly boolean[], side: readonly number[]): boolean[] {
  const flags = new Array<boolean>(near.length).fill(false);
  for (let i = 0; i + 2 < near.length; i++) {
    const window = [i, i + 1, i + 2];
    const beyond = window.filter((k) => near[k]).length;
    const sameSide = side[i] !== 0 && window.every((k) => side[k] === side[i]);
    if (beyond >= 2 && sameSide) for (const k of window) if (near[k]) flags[k] = true;
  }
  return flags;
}
