// The words of a bad buzz (and of its opposite) that general-purpose lexicons miss or
// underrate: "arnaque" is absent from nlp.js's French list, "honte" too, and VADER rates
// "scam" like a mild annoyance. Curated for relais from the seeds' vocabulary and from
// French and English complaint/praise posts; valences on VADER's scale (−4…+4), where −3 is
// "outrage" and +3 "delight". These entries override the general lexicons.
//
// Keys are folded (lower case, no accents) for French and lower case for English; a key with
// a space is a phrase, matched on consecutive words, and wins over its words' own valences
// ("pas mal" is praise, "foutage de gueule" an insult).

export const BUZZ_FR: Readonly<Record<string, number>> = {
  // outrage, fraud, boycott
  honte: -3, honteux: -3, honteuse: -3, 'quelle honte': -3.2, 'honte a': -3.2, scandale: -3, scandaleux: -3,
  scandaleuse: -3, arnaque: -3.2, arnaques: -3.2, arnaquer: -3, arnaqueur: -3.2, arnaqueurs: -3.2,
  escroc: -3.2, escrocs: -3.2, escroquerie: -3.2, boycott: -2.8, boycotter: -2.8, boycottez: -3, boycottons: -3,
  inadmissible: -3, inacceptable: -2.8, intolerable: -2.8, lamentable: -2.8, minable: -2.6, pitoyable: -2.6,
  pathetique: -2.5, ridicule: -2, nul: -2.5, nulle: -2.5, nuls: -2.5, nullissime: -3, naze: -2.3, bidon: -2,
  pourri: -2.8, pourrie: -2.8, 'tout pourri': -3, catastrophe: -2.8, catastrophique: -3, desastre: -3,
  desastreux: -3, fiasco: -2.8, honteusement: -2.8, mensonge: -2.5, mensonges: -2.5, menteur: -2.8, menteurs: -2.8,
  mentir: -2.2, voleur: -3, voleurs: -3, voler: -2, trompe: -2, tromperie: -2.8, mepris: -2.5, meprisant: -2.6,
  irrespectueux: -2.5, incompetent: -2.6, incompetents: -2.6, incompetence: -2.6, degoute: -2.6, degoutee: -2.6,
  degoutant: -2.8, degueulasse: -3, degueu: -2.6, decu: -2.2, decue: -2.2, decus: -2.2, decevant: -2.3,
  decevante: -2.3, deception: -2.3, colere: -2.3, furieux: -2.6, furieuse: -2.6, enerve: -2, enervee: -2,
  marre: -2, 'ras le bol': -2.6, galere: -1.8, plainte: -1.6, 'porter plainte': -2.4, remboursez: -2.4,
  panne: -1.6, bug: -1.4, bugs: -1.4, merde: -2.5, 'de merde': -3, chiant: -2, chiante: -2, pire: -2.6,
  horrible: -3, affreux: -2.8, affreuse: -2.8, inutile: -1.8, dangereux: -2.2, dangereuse: -2.2, toxique: -2.4,
  'foutage de gueule': -3.2, 'se foutent de': -2.8, 'bad buzz': -2.5, demission: -1.5, 'plus jamais': -2.8,
  'a eviter': -2.6, 'a fuir': -2.8, fuyez: -2.8, 'pas terrible': -1.6, 'pas top': -1.8,
  'pas genial': -1.8, 'pas ouf': -1.6, abus: -2.3, abusif: -2.4, abusive: -2.4, injuste: -2.3, scandalise: -2.8,
  scandalisee: -2.8, revoltant: -2.8, revoltante: -2.8, choquant: -2.4, choque: -2, choquee: -2, triste: -2,
  tristesse: -2.2, deplorable: -2.8, mediocre: -2.2, fail: -2,
  // praise, thanks
  merci: 2, 'merci beaucoup': 2.6, 'un grand merci': 2.8, bravo: 2.6, felicitations: 2.8, chapeau: 2,
  genial: 2.8, geniale: 2.8, geniaux: 2.8, super: 2.3, top: 2.2, excellent: 2.8, excellente: 2.8, parfait: 2.6,
  parfaite: 2.6, magnifique: 2.8, superbe: 2.6, sublime: 2.8, formidable: 2.6, incroyable: 2.2, extraordinaire: 2.6,
  fantastique: 2.8, adore: 2.6, aime: 1.8, kiffe: 2.4, 'trop bien': 2.6, 'trop cool': 2.6,
  cool: 1.8, sympa: 1.8, ravi: 2.4, ravie: 2.4, ravis: 2.4, content: 2, contente: 2, contents: 2, heureux: 2.4,
  heureuse: 2.4, fier: 2, fiere: 2, fiers: 2, recommande: 2, 'je recommande': 2.6, impeccable: 2.4, nickel: 2.2,
  efficace: 1.8, rapide: 1, 'pas mal': 1.5, 'au top': 2.6, merveilleux: 2.8, merveilleuse: 2.8, beau: 1.9,
  belle: 1.9, bon: 1.8, bonne: 1.8, bien: 1.4, meilleur: 2.2, meilleure: 2.2, plaisir: 2, bonheur: 2.8,
  felicite: 2.4, gagne: 1.8, victoire: 2.4, reussi: 2, reussite: 2.4, 'bien joue': 2.6,
  'de rien': 0.5, 'pas de souci': 1, 'sans souci': 1,
};

export const BUZZ_EN: Readonly<Record<string, number>> = {
  scam: -3.2, scams: -3.2, scammer: -3.2, scammers: -3.2, scammed: -3.2, 'rip-off': -3, ripoff: -3, 'rip off': -3,
  'ripped off': -3, fraud: -3, fraudulent: -3.2, disgrace: -3, disgraceful: -3, shame: -2.4, shameful: -3,
  'shame on': -3.2, boycott: -2.8, boycotting: -2.8, scandal: -2.8, scandalous: -3, outrageous: -2.8,
  unacceptable: -2.8, pathetic: -2.6, incompetent: -2.6, incompetence: -2.6, useless: -2.3, garbage: -2.6,
  trash: -2.4, sucks: -2.5, 'epic fail': -3, fail: -2, fiasco: -2.8, misleading: -2.4, overpriced: -2,
  rude: -2.2, refund: -1.4, 'never again': -2.8, 'avoid at all costs': -3.2, liar: -2.8, liars: -2.8,
  lies: -2.4, 'not worth': -2, 'waste of money': -3, 'waste of time': -2.6,
  broken: -1.8, toxic: -2.4, appalling: -2.8, disgusting: -3, ridiculous: -2, joke: -0.5,
  // praise
  kudos: 2.6, 'thank you': 2.2, thanks: 2, 'well done': 2.6, recommend: 2, 'highly recommend': 2.8,
  recommended: 2, 'love it': 2.8, props: 1.8, 'hats off': 2.4,
};
