// The communities of the demo graph and what their people know how to do. Skills go into bios
// (in the account's language) so that "who can help me with X" has answers at several
// distances: common skills inside a community, rare ones (law, translation…) spread thin.

export type Skill = readonly [fr: string, en: string];

export interface Community {
  id: string;
  /** Share of ordinary accounts (employees and the brand's circle are placed apart). */
  share: number;
  /** Outdoor communities talk about gear and the brand; the others mostly do not. */
  outdoor: boolean;
  skills: readonly Skill[];
  /** Bio openers: what people call themselves ([fr feminine, fr masculine, en]). */
  titles: readonly (readonly [string, string, string])[];
}

export const COMMUNITIES: readonly Community[] = [
  {
    id: 'climbing', share: 0.14, outdoor: true,
    skills: [['escalade', 'climbing'], ['alpinisme', 'mountaineering'], ['cascade de glace', 'ice climbing'], ['ouverture de voies', 'route setting'], ['secours en montagne', 'mountain rescue'], ['cartographie', 'mapping']],
    titles: [['Grimpeuse', 'Grimpeur', 'Climber'], ['Alpiniste', 'Alpiniste', 'Mountaineer'], ['Guide de haute montagne', 'Guide de haute montagne', 'Mountain guide']],
  },
  {
    id: 'trail', share: 0.13, outdoor: true,
    skills: [['trail', 'trail running'], ['ultra-trail', 'ultra running'], ['nutrition sportive', 'sports nutrition'], ['préparation physique', 'strength coaching'], ['kinésithérapie', 'physiotherapy'], ['organisation de courses', 'race organising']],
    titles: [['Traileuse', 'Traileur', 'Trail runner'], ['Coach running', 'Coach running', 'Running coach'], ['Finisheuse UTMB', 'Finisher UTMB', 'UTMB finisher']],
  },
  {
    id: 'hiking', share: 0.14, outdoor: true,
    skills: [['randonnée', 'hiking'], ['bivouac', 'wild camping'], ['botanique', 'botany'], ['accompagnement en montagne', 'hill walking leader'], ['orientation', 'navigation'], ['premiers secours', 'first aid']],
    titles: [['Randonneuse', 'Randonneur', 'Hiker'], ['Accompagnatrice en montagne', 'Accompagnateur en montagne', 'Hiking guide'], ['Amoureuse des GR', 'Amoureux des GR', 'Long-distance walker']],
  },
  {
    id: 'ski', share: 0.08, outdoor: true,
    skills: [['ski de randonnée', 'ski touring'], ['freeride', 'freeride'], ['nivologie', 'avalanche safety'], ['monitorat de ski', 'ski instructing'], ['splitboard', 'splitboarding']],
    titles: [['Skieuse', 'Skieur', 'Skier'], ['Monitrice de ski', 'Moniteur de ski', 'Ski instructor'], ['Freerideuse', 'Freerider', 'Freerider']],
  },
  {
    id: 'photo', share: 0.08, outdoor: true,
    skills: [['photo', 'photography'], ['vidéo', 'video making'], ['drone', 'drone filming'], ['récit de voyage', 'travel writing'], ['montage', 'video editing']],
    titles: [['Photographe', 'Photographe', 'Photographer'], ['Vidéaste', 'Vidéaste', 'Filmmaker'], ['Voyageuse', 'Voyageur', 'Traveller']],
  },
  {
    id: 'tech', share: 0.12, outdoor: false,
    skills: [['développement web', 'web development'], ['UX design', 'UX design'], ['data', 'data science'], ['sécurité informatique', 'cybersecurity'], ['logiciel libre', 'open source'], ['product management', 'product management']],
    titles: [['Développeuse', 'Développeur', 'Developer'], ['Designer UX', 'Designer UX', 'UX designer'], ['Data scientist', 'Data scientist', 'Data scientist']],
  },
  {
    id: 'press', share: 0.09, outdoor: false,
    skills: [['journalisme', 'journalism'], ['politique', 'politics'], ['droit', 'law'], ['fact-checking', 'fact-checking'], ['économie', 'economics']],
    titles: [['Journaliste', 'Journaliste', 'Journalist'], ['Éditorialiste', 'Éditorialiste', 'Columnist'], ['Juriste', 'Juriste', 'Lawyer']],
  },
  {
    id: 'marketing', share: 0.07, outdoor: false,
    skills: [['community management', 'community management'], ['stratégie social media', 'social media strategy'], ['relations presse', 'public relations'], ['SEO', 'SEO'], ['marketing d’influence', 'influencer marketing']],
    titles: [['Community manager', 'Community manager', 'Community manager'], ['Consultante social media', 'Consultant social media', 'Social media consultant'], ['Chargée de com', 'Chargé de com', 'Comms lead']],
  },
  {
    id: 'lifestyle', share: 0.15, outdoor: false,
    skills: [['cuisine', 'cooking'], ['jardinage', 'gardening'], ['lecture', 'books'], ['musique', 'music'], ['couture', 'sewing'], ['vélo', 'cycling']],
    titles: [['Curieuse de tout', 'Curieux de tout', 'Curious about everything'], ['Maman de deux', 'Papa de deux', 'Parent of two'], ['Prof', 'Prof', 'Teacher']],
  },
];

/** The brand's people (employees and ambassadors) form their own community in the graph. */
export const STAFF_COMMUNITY = 'staff';

/** Rare skills spread thin over everyone: the weak ties "worth gold" of seed 000. */
export const RARE_SKILLS: readonly Skill[] = [
  ['droit des contrats', 'contract law'], ['traduction japonais', 'Japanese translation'], ['comptabilité', 'accounting'],
  ['médecine du sport', 'sports medicine'], ['menuiserie', 'woodworking'], ['levée de fonds', 'fundraising'],
  ['impression 3D', '3D printing'], ['textile technique', 'technical textiles'], ['logistique', 'logistics'],
  ['recrutement', 'recruiting'], ['apiculture', 'beekeeping'], ['langue des signes', 'sign language'],
];

/** Employee teams with their share of the 250 and the skills their bios cite. */
export const TEAMS: readonly { id: string; share: number; skills: readonly Skill[] }[] = [
  { id: 'marketing', share: 0.12, skills: [['marketing', 'marketing'], ['community management', 'community management'], ['photo', 'photography']] },
  { id: 'r&d', share: 0.14, skills: [['textile technique', 'technical textiles'], ['conception produit', 'product design'], ['tests terrain', 'field testing']] },
  { id: 'retail', share: 0.3, skills: [['vente', 'retail'], ['conseil client', 'customer advice'], ['escalade', 'climbing']] },
  { id: 'support', share: 0.12, skills: [['service client', 'customer service'], ['réparation', 'repairs'], ['SAV', 'after-sales']] },
  { id: 'logistics', share: 0.16, skills: [['logistique', 'logistics'], ['supply chain', 'supply chain'], ['douane', 'customs']] },
  { id: 'digital', share: 0.08, skills: [['développement web', 'web development'], ['data', 'data science'], ['e-commerce', 'e-commerce']] },
  { id: 'hr', share: 0.04, skills: [['recrutement', 'recruiting'], ['formation', 'training']] },
  { id: 'finance', share: 0.04, skills: [['comptabilité', 'accounting'], ['contrôle de gestion', 'financial control']] },
];
