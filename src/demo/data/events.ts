// The words of the launch (event b, positive) and of the bad buzz (event c, negative: "honte",
// "arnaque", "boycott"), with {slots} from the brand's vocabulary.
type Bank = { fr: readonly string[]; en: readonly string[] };

export const LAUNCH_TEXTS = {
  teaser: {
    fr: ['J-{n}. Quelque chose se prépare à Annecy… 👀 #CimesAlpha', 'Il paraît que {brand} sort une nouvelle veste la semaine prochaine ? #CimesAlpha', 'Les rumeurs sur la #CimesAlpha me rendent fou·folle 😅'],
    en: ['Rumour has it {brand} launches a new jacket next week? #CimesAlpha'],
  } as Bank,
  brandLaunch: 'C’est le grand jour : découvrez la veste Cimes Alpha, 290 g, réparable à vie, conçue et testée dans les Alpes 🎬 {url} #CimesAlpha',
  clipText: 'Trois ans de développement, 40 ambassadeurs, 1 200 heures de tests terrain : voici la veste Cimes Alpha. Légère, imperméable, réparable à vie. #CimesAlpha',
  posts: {
    fr: ['La #CimesAlpha est {magnifique|sublime|canon} ! 290 g, sérieux ? {tag} 😍', 'Commandée ! Vivement la première sortie avec la #CimesAlpha {emoji}', 'Le clip de la #CimesAlpha donne des frissons, bravo {handle} 👏', 'Enfin une veste réparable à vie. Bravo {handle} pour la #CimesAlpha !', 'Testée ce week-end à {crag} : la #CimesAlpha tient toutes ses promesses {emoji}', 'La #CimesAlpha, c’est {le cadeau de Noël parfait|ma prochaine veste|un coup de cœur}.', 'Un peu chère la #CimesAlpha, mais la garantie à vie change tout.', 'Quelqu’un a pu essayer la #CimesAlpha en magasin à {city} ?'],
    en: ['The #CimesAlpha looks {stunning|amazing}! 290 g, really? {tag}', 'Ordered the #CimesAlpha, can’t wait {emoji}', 'That #CimesAlpha clip gave me chills, well done {handle}'],
  } as Bank,
  quotes: {
    fr: ['Superbe clip 😍 #CimesAlpha', 'J’adore, bravo à toute l’équipe ! #CimesAlpha', 'Celle-là, je la veux. #CimesAlpha', 'Fier·e de voir ça sortir d’Annecy 🏔️ #CimesAlpha'],
    en: ['Gorgeous clip 😍 #CimesAlpha', 'Want it. #CimesAlpha'],
  } as Bank,
  replies: {
    fr: ['Trop belle ! Dispo quand en magasin ?', 'Elle existe en vert ?', 'Génial, bravo !', 'Le prix ?', 'Quelle taille pour 1m75 ?'],
    en: ['Beautiful! When in stores?', 'Price?', 'Love it!'],
  } as Bank,
  press: {
    fr: ['{brand} dévoile la Cimes Alpha, une veste réparable à vie', 'Outdoor : avec la Cimes Alpha, {brand} joue la carte de la durabilité', 'Test : la veste Cimes Alpha de {brand}'],
    en: ['{brand} unveils the Cimes Alpha, a jacket repairable for life'],
  } as Bank,
};

export const BAD_BUZZ_TEXTS = {
  origin: 'Ma veste #CimesAlpha déchirée à la PREMIÈRE sortie, et le SAV de @cimes refuse l’échange « pour mauvaise utilisation ». 349 € pour ça ? C’est une arnaque. Honte à vous. #BoycottCimes',
  followUp: 'Pour ceux qui demandent : photos de la couture qui a lâché, facture et réponse du SAV. Je ne lâcherai pas. #CimesArnaque #BoycottCimes',
  posts: {
    fr: ['Je boycotte {handle} tant qu’ils n’ont pas remboursé. #BoycottCimes', 'Après ce qui est arrivé à la #CimesAlpha, plus jamais {brand}. #CimesArnaque', 'Honte à {brand}. Traiter un client comme ça, c’est {scandaleux|lamentable|une honte}. #BoycottCimes', '349 € la veste qui se déchire, c’est une arnaque. #CimesArnaque', 'Le SAV de {brand} refuse les échanges ? Je rends ma commande. #BoycottCimes', 'J’avais confiance en {brand}. Terminé. #BoycottCimes', 'Arnaque, mépris du client, honte : bravo {handle}. #CimesArnaque'],
    en: ['Boycotting {handle} until they make this right. #BoycottCimes', 'A €349 jacket that rips on day one? Scam. #CimesArnaque', 'Shame on {brand}. #BoycottCimes'],
  } as Bank,
  defenders: {
    fr: ['Mon SAV {brand} a toujours été top. Attendons leur réponse avant de crier au boycott.', 'Un défaut peut arriver, on verra comment {handle} réagit.', 'Je bosse avec leur matériel depuis 10 ans, zéro souci. Calmons-nous.'],
    en: ['Their support has always been great for me. Let’s wait for their answer.'],
  } as Bank,
  quotes: {
    fr: ['Honte. #BoycottCimes', 'Inadmissible. Partagez. #BoycottCimes', 'Arnaque totale. #CimesArnaque', 'Je partage, ça doit se savoir. #BoycottCimes', 'Boycott jusqu’à nouvel ordre. #BoycottCimes'],
    en: ['Shameful. #BoycottCimes', 'Spread the word. #BoycottCimes'],
  } as Bank,
  replies: {
    fr: ['Scandaleux, courage à toi !', 'Même problème avec ma veste, le SAV m’a ignoré. Honte.', 'Tu devrais contacter une asso de consommateurs.', 'C’est une arnaque, partage partout.', 'Boycott !'],
    en: ['Outrageous, hang in there!', 'Same thing happened to me. Shame.'],
  } as Bank,
  press: {
    fr: ['Bad buzz pour {brand} après la vidéo d’un vidéaste de montagne', '#BoycottCimes : {brand} dans la tourmente', 'Veste déchirée : {brand} face à la colère des internautes', 'Comment {brand} tente d’éteindre l’incendie #BoycottCimes'],
    en: ['Outdoor brand {brand} faces #BoycottCimes backlash'],
  } as Bank,
  brandAnswer: 'Nous avons vu le message de @{author}. Nous sommes sincèrement désolés : il sera contacté aujourd’hui, sa veste sera remplacée et le défaut analysé. Nous vous tenons informés.',
  brandUpdate: 'Point d’étape #CimesAlpha : un défaut de couture touche un lot de 200 vestes. Rappel gratuit, échange immédiat, et nos excuses à tous. Détails : https://cimes-sentiers.fr/rappel-alpha',
};
