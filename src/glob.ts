/**
 * Whole-string glob matching: `*` stands for any run of characters (including `/` and `:`, so that it works over
 * ARNs), `?` for one character. Everything else is literal. A pattern never matches a mere part of a name: that
 * is the point (a suppression for `web` must not silence `web-admin`).
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const character of glob) {
    if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += character.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

export function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

export function matchesGlob(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}

/** A check id or a glob over check ids: exact comparison when there is no wildcard. */
export function matchesCheckPattern(pattern: string, checkId: string): boolean {
  return isGlob(pattern) ? matchesGlob(pattern, checkId) : pattern === checkId;
}
