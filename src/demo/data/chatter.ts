// What communities talk about when nobody talks about the brand: templates per community and
// language ({slot} from VOCABULARY, {a|b} alternatives), and the titles of their web pages.
import type { Vocabulary } from '../texts.ts';

const CITIES = ['Grenoble', 'Lyon', 'Annecy', 'Chamonix', 'Marseille', 'Toulouse', 'Paris', 'Briançon', 'Chambéry', 'Montréal', 'Genève'];

export const VOCABULARY: Vocabulary = {
  crag: ['Céüse', 'Buoux', 'Fontainebleau', 'Orpierre', 'Presles', 'Saint-Léger', 'Annot', 'Sisteron', 'Claret', 'Ailefroide', 'Chamonix'],
  peak: ['le Mont Blanc', 'la Barre des Écrins', 'le Grand Paradis', 'la Dent du Géant', 'l’Aiguille du Midi', 'le Mont Aiguille', 'la Meije', 'le Cervin', 'le Pic du Midi d’Ossau', 'le Vignemale', 'le Dôme des Écrins'],
  peakEn: ['Mont Blanc', 'the Barre des Écrins', 'Gran Paradiso', 'the Matterhorn', 'Ben Nevis', 'Snowdon', 'Mount Rainier', 'the Grand Teton', 'Scafell Pike'],
  grade: ['6a', '6b+', '6c', '7a', '7a+', '7b', '7c+', '8a'],
  race: ['l’UTMB', 'la Diagonale des Fous', 'le Festival des Templiers', 'l’Ecotrail de Paris', 'la SaintéLyon', 'le Trail du Ventoux', 'Sierre-Zinal', 'la MaXi-Race', 'l’Échappée Belle'],
  raceEn: ['UTMB', 'Western States', 'the Lakeland 100', 'the Dragon’s Back', 'Sierre-Zinal', 'the Hardrock 100', 'the Spine Race'],
  trek: ['le GR20', 'le Tour du Mont-Blanc', 'le GR10', 'le chemin de Stevenson', 'le Tour des Écrins', 'le GR5', 'le Tour du Queyras', 'la Haute Route'],
  trekEn: ['the West Highland Way', 'the Tour du Mont Blanc', 'the Pennine Way', 'the GR20', 'the John Muir Trail', 'the Haute Route'],
  refuge: ['refuge du Goûter', 'refuge des Cosmiques', 'refuge de la Pra', 'refuge du Plan de l’Aiguille', 'refuge de l’Alpe de Villar-d’Arène', 'refuge du Promontoire'],
  skiSpot: ['La Grave', 'Val d’Isère', 'Arêches', 'Ceillac', 'Chamrousse', 'La Clusaz', 'Valloire', 'Bonneval-sur-Arc'],
  km: ['12', '18', '23', '42', '55', '80', '110', '170'],
  dplus: ['800', '1 200', '1 800', '2 500', '3 600', '6 000', '10 000'],
  weather: ['grand beau', 'un ciel de traîne', 'une mer de nuages', 'du vent à décorner les bœufs', 'une pluie fine', 'un froid sec'],
  weatherEn: ['bluebird skies', 'a sea of clouds', 'howling wind', 'drizzle all day', 'crisp cold air'],
  techTopic: ['Rust', 'TypeScript', 'PostgreSQL', 'SQLite', 'Kubernetes', 'l’accessibilité', 'les LLM', 'Mastodon', 'le RGPD', 'Figma', 'l’éco-conception web', 'les design systems'],
  techTopicEn: ['Rust', 'TypeScript', 'PostgreSQL', 'SQLite', 'Kubernetes', 'accessibility', 'LLMs', 'the fediverse', 'GDPR', 'Figma', 'design systems'],
  newsTopic: ['la réforme des retraites', 'le budget 2027', 'la loi climat', 'les municipales', 'la grève SNCF', 'le prix de l’énergie', 'la canicule de l’été', 'la sécheresse dans le Sud'],
  newsTopicEn: ['the EU summit', 'energy prices', 'the heatwave', 'the rail strike', 'the climate bill', 'interest rates'],
  smTopic: ['l’algorithme de LinkedIn', 'les ambassadeurs de marque', 'le marketing d’influence', 'les community managers', 'le social listening', 'la modération', 'les liens faibles', 'le ROI des réseaux sociaux'],
  smTopicEn: ['employee advocacy', 'influencer marketing', 'social listening', 'community management', 'weak ties', 'the ROI of social media'],
  hobby: ['pain au levain', 'jardin partagé', 'roman policier', 'concert de jazz', 'vide-grenier', 'marché du dimanche', 'atelier couture', 'balade à vélo'],
  hobbyEn: ['sourdough', 'allotment', 'crime novel', 'jazz gig', 'car boot sale', 'farmers market', 'bike ride'],
  city: CITIES,
  deCity: CITIES.map((c) => (/^[AEIOUÉ]/.test(c) ? `d’${c}` : `de ${c}`)),
  emoji: ['🏔️', '⛰️', '🧗', '🏃', '🥾', '⛷️', '📸', '☀️', '❄️', '🔥', '💪', '😍', ''],
  good: ['{incroyable|magnifique|superbe|parfait|génial}'],
  goodEn: ['{amazing|stunning|perfect|brilliant|epic}'],
};

export const CHATTER: Record<string, { fr: readonly string[]; en: readonly string[] }> = {
  climbing: {
    fr: ['Enfin enchaîné ma première {grade} à {crag} ! {emoji} #escalade', 'Journée {good} à {crag}, rocher {sec|collant|parfait} et {weather}. #grimpe', 'Qui est chaud pour {crag} ce week-end ? Je cherche un·e partenaire de cordée {emoji}', 'Au sommet ce matin : {peak}, {weather} et des jambes en feu. #alpinisme {emoji}', 'Conditions sur {peak} : neige {dure|pourrie|transformée}, rimaye {ouverte|bouchée}. Prudence. #alpinisme', 'Nuit au {refuge} avant {peak}. {Réveil à 2h|Départ à la frontale}, l’ambiance est {good}.', 'Petite séance de bloc après le boulot, les avant-bras {explosés|en béton} {emoji} #bloc', 'Rappel : vérifiez vos nœuds et votre {baudrier|corde|dégaine}, toujours. Un accident à {crag} hier.'],
    en: ['Finally sent my first {grade} at {crag}! {emoji} #climbing', '{goodEn} day at {crag}, {bluebird|cold} conditions and sticky rock. #climbing', 'Summit of {peakEn} this morning, {weatherEn}. Legs destroyed. #mountaineering', 'Anyone keen for a climbing trip to {crag} next month? {emoji}', 'Quick bouldering session after work, forearms {pumped|done} {emoji}'],
  },
  trail: {
    fr: ['{km} km et {dplus} m D+ ce matin, {weather}. Les cuisses s’en souviennent {emoji} #trail', 'Dossard récupéré pour {race} ! Objectif : finir {et sourire|avant la barrière horaire}. #trailrunning', 'Sortie longue de {km} km, {weather}. Qui connaît un bon {gel|ravito|mélange électrolytes} ? #trail', 'Abandon sur {race} au km {km}. {Frustré·e|Déçu·e} mais la montagne sera encore là. #trail', 'Fractionné en côte ce soir, ça pique {emoji} #running', 'Reconnaissance du parcours pour {race} : {km} km, {dplus} m D+, {des sentiers techniques|des single magnifiques}.'],
    en: ['{km} km and {dplus} m of climbing this morning {emoji} #trailrunning', 'Got my bib for {raceEn}! Goal: {finish smiling|beat the cut-off}. #ultrarunning', 'Long run in {weatherEn}. Any tips for {gels|electrolytes|poles}? #trailrunning', 'DNF at {raceEn} at km {km}. Gutted, but the mountains will still be there.'],
  },
  hiking: {
    fr: ['Troisième jour sur {trek}, {weather} et des paysages {good}. #rando {emoji}', 'Bivouac au bord du lac hier soir, {weather}. Rien de mieux. #bivouac', 'Quelqu’un a fait {trek} en {juin|septembre|octobre} ? Les refuges sont ouverts ? #randonnée', 'Nuit au {refuge}, accueil {good} et tartiflette mémorable {emoji}', 'Balade en famille au-dessus {deCity}, les enfants ont adoré les marmottes. #rando', 'Fin du périple : {trek}, c’est fait ! {km} km à pied, des ampoules et des souvenirs plein la tête.'],
    en: ['Day three on {trekEn}, {weatherEn} and views for days. #hiking {emoji}', 'Wild camp by the lake last night. Nothing beats it. #wildcamping', 'Has anyone done {trekEn} in {June|September|October}? Huts still open? #hiking', 'Finished {trekEn}! {km} km, blisters and memories.'],
  },
  ski: {
    fr: ['Première trace de la saison à {skiSpot} {emoji} #skirando', 'Risque d’avalanche 4 à {skiSpot} ce week-end : on reste raisonnable. #nivologie', 'Poudreuse {good} à {skiSpot} ce matin ! #freeride {emoji}', 'Qui a des infos sur l’enneigement à {skiSpot} ? #ski', 'Formation DVA samedi avec le club, indispensable avant la saison. #skirando'],
    en: ['First tracks of the season in {skiSpot} {emoji} #skitouring', 'Avalanche risk 4 this weekend: playing it safe. #avalanche', '{goodEn} powder in {skiSpot} today! #freeride'],
  },
  photo: {
    fr: ['Lever de soleil sur {peak}, {weather}. Photo sans retouche {emoji} #photographie', 'Trois heures d’affût pour un gypaète. Ça valait le coup. #photo #nature', 'Nouvelle vidéo en ligne : {trek} en 4K {emoji}', 'Quel objectif pour la photo de montagne ? Je balance entre un 16-35 et un 24-70. #photo'],
    en: ['Sunrise over {peakEn}, straight out of camera {emoji} #photography', 'New video up: {trekEn} in 4K {emoji}', 'Which lens for mountain photography? 16-35 or 24-70? #photography'],
  },
  tech: {
    fr: ['Chantier terminé ({techTopic}), {zéro|pas de} régression {emoji}', 'Thread sur {techTopic} : ce que j’aurais aimé savoir avant de commencer 🧵', 'Conf {good} ce matin sur {techTopic} à {city}. Les slides arrivent. #dev', 'Petit rappel : {techTopic}, ce n’est pas qu’une affaire de dev, c’est une affaire d’équipe.', 'On recrute à {city} ! Dev {techTopic}, télétravail possible. #emploi'],
    en: ['Finished migrating to {techTopicEn} with zero downtime {emoji}', 'A thread on {techTopicEn}: what I wish I knew before 🧵', 'Great talk on {techTopicEn} this morning. Slides coming. #dev', 'We are hiring! {techTopicEn} developer, remote friendly.'],
  },
  press: {
    fr: ['À lire : notre enquête sur {newsTopic}. Ce que disent vraiment les chiffres.', 'Débat ce soir sur {newsTopic} : {les positions se durcissent|aucun consensus}.', 'Édito : {newsTopic}, le gouvernement joue la montre.', 'Sondage : {48|52|61|37} % des Français inquiets pour {newsTopic}.', 'Conférence de presse à {city} sur {newsTopic}, suivez notre direct.'],
    en: ['Read our investigation into {newsTopicEn}.', 'Debate tonight on {newsTopicEn}: no consensus.', 'Poll: {48|52|61} % worried about {newsTopicEn}.'],
  },
  marketing: {
    fr: ['{smTopic} : arrêtez de compter les fans, mesurez la confiance. #socialmedia', 'Nouvel article sur {smTopic} et pourquoi les liens faibles valent de l’or. #influence', 'Atelier {good} ce matin sur {smTopic} avec des CM {deCity}. #communitymanagement', 'Les médias sociaux ne sont pas gratuits : 10 h par semaine minimum pour bien faire. #socialmedia', 'Le vrai sujet de {smTopic}, c’est l’écoute avant la prise de parole.'],
    en: ['{smTopicEn}: stop counting fans, measure trust. #socialmedia', 'New post on {smTopicEn} and why weak ties matter. #influence', 'Social media is not free: plan 10 hours a week. #marketing'],
  },
  lifestyle: {
    fr: ['Premier {hobby} réussi ce week-end {emoji}', 'Dimanche parfait : {hobby}, café et {weather}.', 'Quelqu’un a un bon plan {hobby} à {city} ?', 'Rentrée chargée mais on garde le moral {emoji}', 'Les vacances à la montagne l’été prochain, c’est décidé !'],
    en: ['First successful {hobbyEn} this weekend {emoji}', 'Perfect Sunday: {hobbyEn}, coffee and sunshine.', 'Any good {hobbyEn} tips in {city}?'],
  },
};

/** Titles of blog posts, news pieces, forum threads and videos, per community. */
export const TITLES: Record<string, { fr: readonly string[]; en: readonly string[] }> = {
  climbing: { fr: ['Ma saison à {crag}', 'Récit : {peak} par la voie normale', 'Bien choisir sa corde', 'Conditions en haute montagne : le point'], en: ['My season at {crag}', 'Trip report: {peakEn}', 'Choosing a rope'] },
  trail: { fr: ['Récit : {race} en {km} heures', 'Préparer un ultra : mes 5 erreurs', 'Nutrition en trail : ce qui marche'], en: ['My {raceEn} race report', 'Training for an ultra', 'Trail nutrition that works'] },
  hiking: { fr: ['{trek} en 10 jours : carnet de route', 'Bivouac : la liste ultime', 'Les plus beaux refuges des Alpes'], en: ['{trekEn} in ten days', 'The ultimate wild camping list'] },
  ski: { fr: ['Bien débuter le ski de randonnée', 'Sortie à {skiSpot} : récit'], en: ['Getting into ski touring', 'A day in {skiSpot}'] },
  photo: { fr: ['Photographier la montagne à l’aube', 'Mon matériel photo de randonnée'], en: ['Shooting mountains at dawn', 'My hiking camera kit'] },
  tech: { fr: ['Ce que {techTopic} a changé chez nous', 'Retour d’expérience : {techTopic}'], en: ['What {techTopicEn} changed for us', 'Lessons learned: {techTopicEn}'] },
  press: { fr: ['{newsTopic} : ce qu’il faut retenir', 'Enquête : {newsTopic}'], en: ['{newsTopicEn}: what to know', 'Investigation: {newsTopicEn}'] },
  marketing: { fr: ['{smTopic} : le guide', 'Pourquoi {smTopic} compte en 2026'], en: ['{smTopicEn}: a guide', 'Why {smTopicEn} matters'] },
  lifestyle: { fr: ['Mon premier {hobby}', 'Idées de sorties à {city}'], en: ['My first {hobbyEn}', 'Things to do in {city}'] },
};

/** How the press (news sites, magazines) reports on each community's world. */
export const REPORTS: Record<string, { fr: readonly string[]; en: readonly string[] }> = {
  climbing: { fr: ['La fréquentation des falaises de {crag} a doublé en cinq ans.', 'Les secouristes rappellent les règles de prudence après plusieurs accidents sur {peak}.', 'Le refuge annonce une saison record malgré {weather}.', 'Les grimpeurs locaux réclament un meilleur entretien des voies.'], en: ['Visits to {crag} have doubled in five years.', 'Rescuers urge caution after accidents on {peakEn}.'] },
  trail: { fr: ['{race} affiche complet en quelques minutes.', 'Les organisateurs de {race} annoncent un nouveau parcours de {km} km.', 'Le trail séduit toujours plus de coureurs en France.', 'Les barrières horaires ont fait débat cette année.'], en: ['{raceEn} sold out in minutes.', 'Trail running keeps growing.'] },
  hiking: { fr: ['{trek} n’a jamais été aussi fréquenté.', 'Les gardiens de refuge alertent sur le manque d’eau.', 'La randonnée reste l’activité de plein air préférée des Français.'], en: ['{trekEn} has never been busier.', 'Hut wardens warn of water shortages.'] },
  ski: { fr: ['Les stations attendent la neige pour ouvrir.', 'Le ski de randonnée explose à {skiSpot}.', 'Le bulletin d’avalanche passe au niveau 4 ce week-end.'], en: ['Resorts are waiting for snow.', 'Ski touring is booming in {skiSpot}.'] },
  photo: { fr: ['Le festival du film de montagne ouvre ses portes à {city}.', 'Une exposition de photos de haute montagne à {city}.'], en: ['A mountain film festival opens in {city}.'] },
  tech: { fr: ['{techTopic} s’impose dans les entreprises françaises.', 'Les développeurs de {city} se retrouvent pour parler de {techTopic}.', 'Le marché de l’emploi tech ralentit.'], en: ['{techTopicEn} is taking over.', 'The tech job market slows down.'] },
  marketing: { fr: ['Les marques misent sur {smTopic}.', 'Étude : les Français font plus confiance à leurs proches qu’aux marques.', 'Le métier de community manager se professionnalise.'], en: ['Brands bet on {smTopicEn}.', 'People trust friends more than brands.'] },
  lifestyle: { fr: ['Le {hobby} a la cote à {city}.', 'Les Français passent plus de temps dehors le week-end.'], en: ['{hobbyEn} is all the rage in {city}.'] },
};

/** Replies anyone can make, and a few per language for quoting. */
export const REPLIES = {
  fr: ['Trop beau ! {emoji}', 'Carrément d’accord.', 'Merci pour le partage 🙏', 'C’était quand exactement ?', 'Bravo, bien joué !', 'Ah je ne savais pas, merci.', 'Pas d’accord, mais intéressant.', 'Tu as des photos ?', 'Je plussoie.', 'On en reparle ce week-end ?', 'Haha, tellement vrai.', 'Courage !'],
  en: ['So good! {emoji}', 'Totally agree.', 'Thanks for sharing 🙏', 'When was this?', 'Well done!', 'Didn’t know that, thanks.', 'Disagree, but interesting.', 'Any photos?', 'Haha, so true.'],
};
export const QUOTES = {
  fr: ['À lire 👇', 'Tellement ça.', 'Intéressant, à méditer.', 'Exactement ce que je disais hier.', 'Je partage, ça peut servir.', 'Bon résumé.'],
  en: ['Worth a read 👇', 'This.', 'Food for thought.', 'Sharing in case it helps.', 'Good summary.'],
};
