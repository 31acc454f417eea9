// How customers, press and staff talk about a gear brand, by mood. {brand} is the brand's name,
// {handle} its @handle (its name on the web), {tag} the @handle or nothing, {product} one of its products, {rival}/{rivalProduct} a competitor's.
// The moods are carried by the words (Listen's sentiment enrichment reads them later).
// French agreement comes from slots set per product: {ma}/{Ma}, {la}, {votre}, {wet}.

export type Mood = 'positive' | 'neutral' | 'negative';
type Bank = { fr: readonly string[]; en: readonly string[] };

export const CUSTOMER: Record<Mood, Bank> = {
  positive: {
    fr: ['{Ma} {product} {a} tenu tout {trek}, {toujours nickel|zéro défaut|impeccable}. Merci {handle} ! {emoji}', 'Passé au magasin {brand} {deCity}, conseils {au top|vraiment pros} pour choisir mes chaussures.', 'Le SAV de {brand} a réparé {ma} {product} en {5|8|10} jours, gratuitement. Chapeau {handle} 👏', 'Test {du} {product} à {crag} : légèreté, confort, finitions, tout est {parfait|top|au rendez-vous}. Je recommande.', 'Franchement {la} {product}, {ça vaut son prix|rien à redire}. Solidité, confort, réparabilité : tout y est. {tag}', 'Trois ans que j’utilise {ma} {product} et {aucun souci|toujours au top}. Du matériel fiable. {tag}'],
    en: ['My {product} lasted the whole of {trekEn}, still perfect. Thanks {handle}! {emoji}', 'Great advice at the {brand} shop in {city}. Lovely staff.', '{brand} repaired my {product} for free in a week. Impressed. {tag}', 'The {product} is worth every penny: light, warm, repairable.'],
  },
  neutral: {
    fr: ['Quelqu’un a un avis sur {la} {product} ? J’hésite avec {rivalLa} {rivalProduct}.', 'Les soldes chez {handle} commencent {demain|lundi|quand} ?', '{brand} ou {rival} pour une première veste de montagne ? Budget 200 €.', 'Quelqu’un sait si {la} {product} existe en taille XS ? {tag}', 'Vu la nouvelle collection {brand} en vitrine à {city}.', 'Comparatif {product} vs {rivalProduct} quelqu’un ?'],
    en: ['Any thoughts on the {product}? Torn with the {rivalProduct}.', '{brand} or {rival} for a first mountain jacket?', 'Does {handle} ship to the UK?'],
  },
  negative: {
    fr: ['Déçu·e par {ma} {product} {tag} : {la fermeture a lâché|les coutures bâillent|{wet}} après {2|3|5} sorties.', '{3|4|6} semaines que j’attends ma commande {tag}… Toujours rien. #SAV', 'Trop cher pour ce que c’est, {la} {product}. {rival} fait mieux pour moins.', 'Service client {brand} injoignable depuis une semaine. Pas top.', '{Ma} {product} : déjà un trou. Pour le prix, c’est {décevant|inadmissible|moyen}.'],
    en: ['Disappointed with my {product} {tag}: the zip broke after {2|3} trips.', 'Still waiting for my {brand} order after {3|4} weeks… #customerservice', 'Overpriced for what it is. {rival} does better.'],
  },
};

export const REVIEW_TITLES: Record<Mood, Bank> = {
  positive: { fr: ['{product} : 5/5, {au top|rien à redire|indestructible}', '{product} : 4/5, très bon rapport qualité-prix'], en: ['{product}: 5/5, {superb|bombproof}', '{product}: 4/5, great value'] },
  neutral: { fr: ['{product} : 3/5, correct sans plus'], en: ['{product}: 3/5, decent'] },
  negative: { fr: ['{product} : 2/5, déçu·e', '{product} : 1/5, à éviter'], en: ['{product}: 2/5, disappointed', '{product}: 1/5, avoid'] },
};

export const FORUM_TITLES: Bank = {
  fr: ['Avis {product} ?', '{brand} ou {rival} ?', 'Retour SAV {brand}', 'Taille {du} {product}', 'Garantie {brand} : expériences ?'],
  en: ['{product}: any good?', '{brand} or {rival}?', '{brand} warranty experiences?'],
};

/** Press about the brand (an Annecy maker); OTHER_PRESS is for its competitors. */
export const PRESS: Bank = {
  fr: ['{brand} {recrute 40 personnes à Annecy|ouvre un magasin à {city}|annonce une hausse de 12 % de son chiffre d’affaires|mise sur la réparation de ses produits|lance un programme de reprise de matériel}.', 'Outdoor : {brand} et {rival} se disputent le marché de la veste technique.', 'À Annecy, {brand} relocalise une partie de sa production.', 'Le fabricant savoyard {brand} {fête ses 28 ans|réorganise sa logistique|signe avec de nouveaux ambassadeurs}.'],
  en: ['French outdoor maker {brand} {opens a London store|bets on repairs|posts 12 % growth}.', '{brand} and {rival} battle for the technical jacket market.'],
};

export const OTHER_PRESS: Bank = {
  fr: ['{brand} {lance une nouvelle gamme|augmente ses prix|ouvre un magasin à {city}|rachète un atelier de réparation}.', 'Outdoor : {brand} et {rival} se disputent le marché de la veste technique.', '{brand} annonce un chiffre d’affaires {en hausse de 8 %|stable|en recul}.', 'La marque {brand} mise sur la seconde main.'],
  en: ['{brand} {launches a new range|raises prices|opens a store in {city}}.', '{brand} and {rival} battle for the jacket market.'],
};

export const OTHER_PRESS_BODY: Bank = {
  fr: ['Le marché de l’outdoor progresse de {3|5|7} % par an en France.', 'La concurrence s’intensifie face à {rival}.', 'Les ventes en ligne représentent désormais un tiers du chiffre d’affaires.'],
  en: ['The outdoor market grows {3|5|7} % a year.', 'Online sales now make up a third of revenue.'],
};

export const PRESS_BODY: Bank = {
  fr: ['Fondée à Annecy en 1998, l’entreprise emploie 250 personnes et compte {8|9|11} magasins.', 'Le marché de l’outdoor progresse de {3|5|7} % par an en France.', '{brand} mise sur la réparabilité et une production européenne.', 'Face à {rival}, la marque savoyarde revendique une clientèle fidèle.', 'La direction vise {15|20|30} % de ventes à l’étranger d’ici 2028.'],
  en: ['Founded in Annecy in 1998, the company employs 250 people.', 'The outdoor market grows {3|5|7} % a year in France.', '{brand} bets on repairability and European manufacturing.'],
};

export const BRAND_REPLIES = {
  fr: ['Bonjour, désolés pour ce souci. Pouvez-vous nous écrire en MP avec votre numéro de commande ? On s’en occupe. ^{agent}', 'Merci pour votre retour. Notre équipe SAV vous contacte aujourd’hui. ^{agent}', 'Aïe, ce n’est pas normal. Écrivez-nous en MP, la réparation est couverte par la garantie. ^{agent}'],
  en: ['Sorry about this! Please DM us your order number and we will sort it out. ^{agent}', 'Thanks for the feedback, our support team will reach out today. ^{agent}'],
};

export const BRAND_THANKS = {
  fr: ['Merci beaucoup, ça fait plaisir à toute l’équipe ! 🙏 ^{agent}', 'Trop contents que {votre} {product} vous plaise ! Belles sorties 🏔️', 'Merci pour ce retour, on transmet à l’équipe R&D !'],
  en: ['Thank you so much, the whole team is delighted! 🙏', 'So glad you love it! Enjoy the mountains 🏔️'],
};

export const BRAND_POSTS = {
  fr: ['Conseil du jour : {tip}. #montagne', 'Nouveau sur le blog : {article} {url}', 'À relire sur le blog : {article} {url}', 'Atelier réparation samedi au magasin {deCity} : apportez votre matériel ! 🧵', 'Nos ambassadeurs testent {la} {product} à {crag} cette semaine. #TeamCimes', 'On recrute : vendeur·se passionné·e pour notre magasin {deCity}. #emploi'],
  en: ['Tip of the day: {tipEn}. #mountains', 'New on the blog: {article} {url}'],
};

export const STAFF_POSTS = {
  fr: ['Fier·e de bosser chez {handle} : {aujourd’hui on a réparé 40 vestes|nouvelle collection en magasin|journée terrain avec l’équipe R&D}. {emoji}', 'Journée test : {la} {product} avec l’équipe à {crag}. #TeamCimes {emoji}', 'Ce matin en magasin à {city} : {une cliente partie pour le GR20|des conseils pour une première sortie en montagne}. J’adore ce métier.'],
  en: ['Proud to work at {handle}: {new collection in store|field test day with R&D}. {emoji}'],
};

export const TIPS = {
  tip: ['vérifiez la météo et le bulletin avalanche avant chaque sortie', 'réimperméabilisez votre veste une fois par an', 'lavez votre doudoune à basse température avec une balle de tennis', 'ajustez vos bretelles de sac avant la montée', 'graissez vos chaussures cuir après une sortie humide'],
  tipEn: ['check the forecast and avalanche bulletin before every trip', 're-proof your jacket once a year', 'wash your down jacket on a low setting with a tennis ball'],
  agent: ['Léa', 'Tom', 'Camille', 'Yanis', 'Manon', 'Hugo'],
};
