// Skills as a user types them.

/** "Wine, hiking ,  ski" → ['wine', 'hiking', 'ski']: trimmed, lower-cased, no repeats. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const skill = part.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    if (skill) seen.add(skill);
  }
  return [...seen];
}
