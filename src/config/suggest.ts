/** Edit distance between two short ids, for "did you mean" hints (never for matching). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to `limit` known ids close to `wanted`: small edit distance, or sharing a word with it. */
export function closeIds(wanted: string, known: readonly string[], limit = 3): string[] {
  const words = wanted.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 4);
  const scored = known.map((id) => {
    const edits = distance(wanted.toLowerCase(), id);
    const sharesWord = words.some((word) => id.split('-').some((part) => part.startsWith(word) || word.startsWith(part) && part.length >= 4));
    return { id, score: sharesWord ? Math.min(edits, 3) : edits };
  });
  const bar = Math.max(3, Math.floor(wanted.length / 3));
  return scored
    .filter((entry) => entry.score <= bar)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}

export function didYouMean(wanted: string, known: readonly string[]): string {
  const close = closeIds(wanted, known);
  return close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
}
