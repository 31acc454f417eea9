// The words of the scandal (event a), phase by phase, in the manner of seed 003's DSK buzz:
// stupefaction, the judge, the lawyer, the resignation, "who benefits?", the 2027 race. Every
// text names Delorme (or the hashtag), so the topic's query finds them all. All invented.

export type Phase = 'before' | 'arrest' | 'case' | 'after';
type Bank = { fr: readonly string[]; en: readonly string[] };

export const SCANDAL_VOCABULARY = {
  subject: ['Bertrand Delorme', 'Delorme', 'le ministre Delorme'],
  subjectEn: ['Bertrand Delorme', 'Delorme', 'minister Delorme'],
  charge: ['corruption', 'trafic d’influence', 'corruption et blanchiment', 'favoritisme dans un marché public'],
  chargeEn: ['bribery', 'influence peddling', 'corruption and money laundering'],
  budgetTopic: ['le budget 2027', 'la réforme fiscale', 'le plan de relance', 'la dette publique', 'la taxe carbone'],
  feeling: ['stupéfaction', 'incompréhension', 'déception', 'tristesse', 'colère', 'sidération'],
};

export const NEWS_HEADLINES: Record<Phase, Bank> = {
  before: {
    fr: ['Bertrand Delorme présente {budgetTopic} en conseil des ministres', 'Le ministre Delorme en visite à {city}', '{budgetTopic} : Bertrand Delorme défend ses choix', 'Interview : Bertrand Delorme sur {budgetTopic}'],
    en: ['French minister Bertrand Delorme unveils {budgetTopic|the 2027 budget}', 'Delorme defends French tax reform'],
  },
  arrest: {
    fr: ['Bertrand Delorme arrêté à Genève dans une affaire de {charge}', 'Le ministre Delorme interpellé à l’aéroport de Genève', '#AffaireDelorme : ce que l’on sait', 'Stupeur au gouvernement après l’arrestation de Bertrand Delorme', 'Affaire Delorme : Élise Marchand convoque un conseil restreint'],
    en: ['French economy minister Bertrand Delorme arrested in Geneva over {chargeEn} probe', 'Delorme arrest stuns Paris', 'What we know about the Delorme affair'],
  },
  case: {
    fr: ['Affaire Delorme : le ministre mis en examen pour {charge}', 'Bertrand Delorme démissionne du gouvernement', 'La juge Anne Castel ordonne des perquisitions à Bercy', 'Fabien Lacroix, avocat de Delorme : « mon client est innocent »', 'Affaire Delorme : Paul Verneuil dénonce « un système »', 'Hélène Rozier : « le gouvernement fait confiance à la justice » dans l’affaire Delorme', 'Affaire Delorme : la garde à vue prolongée'],
    en: ['Delorme charged with {chargeEn}, resigns', 'Judge Anne Castel orders searches in Delorme case', 'Delorme lawyer Fabien Lacroix: “my client is innocent”', 'Delorme affair: rival Paul Verneuil on the offensive'],
  },
  after: {
    fr: ['Affaire Delorme : un sondage fait chuter Élise Marchand', 'Après Delorme, qui pour Bercy ?', 'Affaire Delorme : Paul Verneuil en embuscade pour 2027', 'Affaire Delorme : la présomption d’innocence en débat', 'Affaire Delorme : nouvelles révélations sur les marchés publics'],
    en: ['After Delorme, Marchand’s government under pressure', 'Delorme affair: Verneuil eyes 2027', 'Delorme affair: new revelations'],
  },
};

export const NEWS_BODY: Record<Phase, Bank> = {
  before: {
    fr: ['Le ministre de l’Économie a détaillé {budgetTopic} devant la presse.', 'Bertrand Delorme a rappelé l’objectif de réduction du déficit.', 'Les syndicats jugent le plan de Delorme insuffisant.'],
    en: ['The minister detailed his plans to reporters.', 'Unions called Delorme’s plan insufficient.'],
  },
  arrest: {
    fr: ['Bertrand Delorme a été interpellé à Genève à la demande de la justice française, dans une enquête pour {charge}.', 'La présidente Élise Marchand s’est dite « stupéfaite » et appelle au respect de la présomption d’innocence.', 'Selon nos informations, l’enquête porte sur l’attribution d’un marché ferroviaire.', 'Son avocat, Fabien Lacroix, dénonce « un acharnement ».'],
    en: ['Delorme was detained in Geneva at the request of French judges investigating {chargeEn}.', 'President Élise Marchand said she was “stunned”.', 'The probe concerns a rail contract.'],
  },
  case: {
    fr: ['La juge d’instruction Anne Castel a mis en examen Bertrand Delorme pour {charge}.', 'Bertrand Delorme a remis sa démission à Élise Marchand.', 'Paul Verneuil réclame une commission d’enquête parlementaire sur l’affaire Delorme.', 'Hélène Rozier, porte-parole du gouvernement, refuse tout commentaire sur le fond.', 'Maître Fabien Lacroix conteste la procédure et annonce un recours.'],
    en: ['Investigating judge Anne Castel charged Delorme with {chargeEn}.', 'Delorme handed his resignation to President Marchand.', 'Paul Verneuil called for a parliamentary inquiry.'],
  },
  after: {
    fr: ['L’affaire Delorme pèse sur la majorité : la cote d’Élise Marchand recule de {4|6|9} points.', 'Paul Verneuil se pose en recours pour 2027.', 'Les proches de Delorme évoquent un complot.', 'L’enquête de la juge Castel s’élargit à d’autres marchés.'],
    en: ['The affair weighs on Marchand, down {4|6|9} points in the polls.', 'Verneuil positions himself for 2027.'],
  },
};

export const REACTIONS: Record<Phase, Bank> = {
  before: {
    fr: ['Delorme encore à la télé pour nous vendre {budgetTopic}…', 'Pas convaincu par le plan de Delorme sur {budgetTopic}.', 'Intéressant, l’interview de Bertrand Delorme ce matin.'],
    en: ['Delorme on TV again about {budgetTopic}.', 'Not convinced by Delorme’s plan.'],
  },
  arrest: {
    fr: ['Delorme arrêté à Genève ?! {feeling}, je n’en reviens pas. #AffaireDelorme', '{feeling} totale ce matin. Attendons les faits. #AffaireDelorme', 'Moi qui voyais Delorme à Matignon… #AffaireDelorme', 'Le ministre Delorme menotté à Genève, on croit rêver. #AffaireDelorme', 'Toutes les chaînes ne parlent que de Delorme. #AffaireDelorme'],
    en: ['French minister Delorme arrested in Geneva?! Wow. #AffaireDelorme', 'Let’s wait for the facts on Delorme. #AffaireDelorme', 'The Delorme story is everywhere this morning.'],
  },
  case: {
    fr: ['Delorme mis en examen… {feeling}. #AffaireDelorme', 'Qui profite de l’affaire Delorme ? Verneuil se frotte les mains. #AffaireDelorme', 'Présomption d’innocence pour Delorme, mais quelle honte si c’est vrai. #AffaireDelorme', 'La juge Castel ne lâche rien, respect. #AffaireDelorme', 'Démission de Delorme : enfin. #AffaireDelorme', 'Marchand doit s’expliquer sur Delorme. #AffaireDelorme'],
    en: ['Delorme charged. Unbelievable. #AffaireDelorme', 'Who benefits from the Delorme affair? #AffaireDelorme', 'Innocent until proven guilty, Delorme included. #AffaireDelorme'],
  },
  after: {
    fr: ['On parle encore de Delorme ? Il y a d’autres sujets. #AffaireDelorme', 'L’affaire Delorme va peser en 2027, c’est sûr.', 'Nouvelles révélations sur Delorme, ça ne s’arrête plus. #AffaireDelorme'],
    en: ['Still talking about Delorme. #AffaireDelorme', 'The Delorme affair will weigh on 2027.'],
  },
};

export const SCANDAL_REPLIES = {
  fr: ['Attendons la justice avant de condamner Delorme.', 'Exactement, l’affaire Delorme pue le règlement de comptes.', 'Tout le monde savait pour Delorme, non ?', '{feeling}… pauvre démocratie. #AffaireDelorme'],
  en: ['Let the courts decide on Delorme.', 'Everyone knew about Delorme, surely?'],
};
