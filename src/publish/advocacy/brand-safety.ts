// Brand-safety checks a member's post must pass before a reviewer may approve it: no banned word
// or claim ("le meilleur", "garanti à vie"), links only to allowed domains, the disclosure an
// ambassador owes (#partenariat, #ad), and the length each of its networks allows. Pure; each
// problem says what and where (its position in the text).
import { measurePost, type PostNetwork } from '../post-length.ts';

export interface BrandSafetyPolicy {
  /** Words or phrases that may not appear (case and accents ignored). */
  banned: string[];
  /** Domains links may point to (subdomains included); empty: any. */
  allowedDomains: string[];
  /** The disclosure required from the affiliations listed, e.g. "#partenariat". */
  disclosure: string | null;
  disclosureFor: string[];
}

export const DEFAULT_POLICY: BrandSafetyPolicy = { banned: [], allowedDomains: [], disclosure: '#partenariat', disclosureFor: ['ambassador'] };

export interface SafetyProblem {
  code: 'banned' | 'link-domain' | 'disclosure-missing' | 'too-long';
  message: string;
  /** Where in the text (0-based), when it is somewhere. */
  position: number | null;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

export function checkBrandSafety(text: string, policy: BrandSafetyPolicy, author: { affiliation: string | null }, networks: ReadonlyArray<{ network: PostNetwork; limit?: number; name: string }>): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  // Folding keeps positions for Latin text: NFD splits an accent off, which we then drop, so
  // map each folded index back through a per-character table.
  const folded: string[] = [];
  const origin: number[] = [];
  [...text].reduce((offset, char) => {
    for (const f of fold(char)) { folded.push(f); origin.push(offset); }
    return offset + char.length;
  }, 0);
  const haystack = folded.join('');
  for (const phrase of policy.banned) {
    const needle = fold(phrase.trim());
    if (!needle) continue;
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}\\p{N}])`, 'u');
    const m = re.exec(haystack);
    if (m) problems.push({ code: 'banned', message: `"${phrase}" is on the banned list.`, position: origin[m.index + m[1]!.length] ?? 0 });
  }
  if (policy.allowedDomains.length) {
    for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      let host = '';
      try { host = new URL(m[0]).hostname.toLowerCase(); } catch { /* not a URL: no domain to check */ }
      const allowed = policy.allowedDomains.some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`));
      if (!allowed) problems.push({ code: 'link-domain', message: `The link to ${host || m[0]} is not to an allowed domain (${policy.allowedDomains.join(', ')}).`, position: m.index });
    }
  }
  if (policy.disclosure && author.affiliation && policy.disclosureFor.includes(author.affiliation) && !fold(text).includes(fold(policy.disclosure))) {
    problems.push({ code: 'disclosure-missing', message: `An ${author.affiliation} must disclose the partnership with ${policy.disclosure}.`, position: null });
  }
  for (const { network, limit, name } of networks) {
    const length = measurePost(network, text, limit);
    if (length.over) problems.push({ code: 'too-long', message: `Too long for ${name}: ${length.length} where ${network} allows ${length.limit}.`, position: null });
  }
  return problems;
}

/** The member's branded template: their signature and the programme's hashtag, added once. */
export function applyTemplate(text: string, template: { signature: string | null; hashtag: string | null }): string {
  let out = text.trim();
  if (template.hashtag && !fold(out).includes(fold(template.hashtag))) out = `${out} ${template.hashtag}`;
  if (template.signature && !out.endsWith(template.signature)) out = `${out}\n${template.signature}`;
  return out;
}
