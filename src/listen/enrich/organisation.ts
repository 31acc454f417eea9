// Whether an account is obviously an organisation rather than a person: its gender is then
// "unknown" whatever its name looks like ("Marie Claire" the magazine, "Club Alpin Annecy").
// Deliberately conservative: only words no person puts in their display name, articles that
// start a title ("Le Monde", "The Verge"), brands written in capitals ("SNCF"), and handles
// that announce a newsroom or an official account.
import { fold } from '../query/fold.ts';

const ORG_WORDS = new Set(
  `sas sasu sarl eurl sa scop sci inc ltd llc llp plc gmbh ag bv corp corporation co company cie club association asso
  federation ffme mairie ville commune region departement prefecture ministere gouvernement gouv officiel officielle
  official news info infos actu actus media medias magazine mag journal presse press radio tv tele fm blog shop store
  boutique team group groupe agency agence studio studios labs lab hq support service services sav app podcast festival
  hotel restaurant cafe brasserie university universite ecole school college lycee institut institute foundation
  fondation museum musee library bibliotheque network reseau collectif syndicat parti police gendarmerie pompiers
  editions edition productions records officialpage`.split(/\s+/).filter(Boolean),
);
const ARTICLES = new Set(['le', 'la', 'les', 'l', 'the']);
const HANDLE_HINTS = /news|officiel|official|info|actu|media|presse|_tv|tv_|radio|shop|store|support|hq$|club|mag(azine)?$/i;

/**
 * True when a display name or handle says "organisation".
 * @example isOrganisation('Le Monde', 'lemonde') // true
 */
export function isOrganisation(displayName: string | null | undefined, handle: string | null | undefined, knownFirstName: (word: string) => boolean = () => false): boolean {
  const name = (displayName ?? '').trim();
  const words = fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => ORG_WORDS.has(w))) return true;
  if (words.length >= 2 && ARTICLES.has(words[0] as string)) return true;
  // "SNCF", "EDF Officiel": a name in capitals that is no first name is a brand.
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && words.length === 1 && !knownFirstName(words[0] as string)) return true;
  const local = (handle ?? '').split(/[@.]/)[0] ?? '';
  return HANDLE_HINTS.test(local);
}
