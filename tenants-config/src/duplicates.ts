/** Every repeated key after its first occurrence, with both positions. */
export function findDuplicates(keys: readonly string[]): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  const repeats: { index: number; first: number }[] = [];
  keys.forEach((key, index) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else repeats.push({ index, first });
  });
  return repeats;
}
