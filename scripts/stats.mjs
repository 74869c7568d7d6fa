// Small statistics shared by the measuring scripts (audit.mjs, size.mjs, ab-lighthouse.mjs).

/** The median of the numbers in `xs` (missing values, null or NaN, left out): the middle one, or
 * the mean of the two middle ones for an even count; null when there is none. */
export function median(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
