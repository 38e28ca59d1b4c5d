/** "1 resource", "2 resources": a count with its noun, singular or plural. */
export function counted(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** A count with thousands separators ("5,625"), fixed to one locale so every output reads the same everywhere. */
export function grouped(count: number): string {
  return count.toLocaleString('en-US');
}
