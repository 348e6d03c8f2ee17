/** The first place two JSON values differ, as a path and both values; undefined when equal. */
export function firstDifference(
  left: unknown,
  right: unknown,
  path = '$',
): { path: string; left: unknown; right: unknown } | undefined {
  if (Object.is(left, right)) return undefined;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
      if (index >= left.length || index >= right.length) {
        return { path: `${path}.length`, left: left.length, right: right.length };
      }
      const found = firstDifference(left[index], right[index], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(left) && isObject(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) {
      const found = firstDifference(left[key], right[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return { path, left, right };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
