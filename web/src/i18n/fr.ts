// Le dictionnaire français. Son type exige exactement les clés de en.ts.
// Typographie : espace fine insécable avant « ; : ! ? » et à l'intérieur des guillemets.
import { listenFr } from '../listen/messages.ts';
import { mapFr } from '../map/messages.ts';
import { spreadFr } from '../spread/messages.ts';
import { publishFr } from '../publish/messages.ts';
import { engageFr } from '../engage/messages.ts';
import { rewardFr } from '../reward/messages.ts';
import type { MessageKey } from './en.ts';

const shellFr = {
  'app.name': 'relais',
  'app.tagline': 'Influence sociale et gestion de communauté',
  'app.skip': 'Aller au contenu principal',
  'app.loading': 'Chargement…',
  'app.retry': 'Réessayer',
  'app.networkError': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'app.startError': 'relais n’a pas pu démarrer.',

  'lang.label': 'Langue',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'header.home': 'relais — vue d’ensemble de {workspace}',
  'header.workspace': 'Espace de travail',
  'header.live': 'En direct',
  'header.liveTitle': 'Connecté : les mises à jour arrivent en temps réel.',
  'header.signedInAs': 'Connecté en tant que',
  'header.logout': 'Se déconnecter',

  'nav.label': 'Rubriques',
  'nav.overview': 'Vue d’ensemble',

  'section.listen.name': 'Écouter',
  'section.listen.question': 'Ce qui se dit',
  'section.listen.body':
    'Suivez ce qui se dit de votre marque et de vos sujets sur les blogs, les sites d’actualité, les forums, Mastodon et Bluesky. Requêtes booléennes par sujet, volume par source avec détection des pics, tonalité, pays et mots-clés — jusqu’au rapport de buzz en un clic.',
  'section.map.name': 'Cartographier',
  'section.map.question': 'Qui est lié à qui',
  'section.map.body':
    'Le graphe des relations, construit à partir de chaque interaction : force des liens, liens forts et liens faibles, communautés et passeurs entre elles. Des scores d’influence qui s’expliquent, et « qui peut m’aider pour X » par un chemin de recommandation de confiance.',
  'section.spread.name': 'Diffuser',
  'section.spread.question': 'Ce qui va circuler, et grâce à qui',
  'section.spread.body':
    'Simulez la diffusion d’un message dans le réseau, choisissez les meilleures personnes pour l’amorcer dans un budget donné, et mesurez la portée réelle d’un programme d’ambassadeurs : l’union des audiences, pas leur produit naïf.',
  'section.publish.name': 'Publier',
  'section.publish.question': 'Le dire, au bon rythme',
  'section.publish.body':
    'Un calendrier et des files de publication pour Mastodon, Bluesky, les webhooks et votre flux RSS sortant, avec des tâches durables qui ne publient jamais deux fois. Le recyclage de vos meilleurs anciens articles, et la prise de parole des salariés avec file d’approbation et contrôles de sécurité de marque.',
  'section.engage.name': 'Interagir',
  'section.engage.question': 'Répondre, ensemble',
  'section.engage.body':
    'Une boîte de réception partagée pour les conversations qui demandent un humain : attribution, astreinte couvrant les sept jours, délais de réponse et escalade des bad buzz. Les VIP cachés signalés grâce à la carte, et des suggestions de remerciement pour vos fans.',
  'section.reward.name': 'Récompenser',
  'section.reward.question': 'Défis et points',
  'section.reward.body':
    'Des défis avec des points, une période et des conditions de participation ; un registre de points en ajout seul et des classements ; un tirage au sort pondéré que chacun peut revérifier, sa graine publiée avant le tirage.',
  'section.coming': 'Bientôt',
  'section.arrives': 'Cette rubrique arrive avec son ticket. D’ici là, ses données sont déjà collectées :',
  'section.arrivesNoData': 'Cette rubrique arrive avec son ticket.',
  'section.back': 'Retour à la vue d’ensemble',

  'login.title': 'Connexion',
  'login.intro': 'Connectez-vous à votre espace relais.',
  'login.email': 'Adresse e-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion…',
  'login.emailMissing': 'Saisissez votre adresse e-mail.',
  'login.passwordMissing': 'Saisissez votre mot de passe.',
  'login.loggedOut': 'Vous êtes déconnecté.',
  'login.demoTitle': 'Utilisateurs de démonstration',
  'login.demoIntro': 'Ce serveur fait tourner le monde de démonstration. Choisissez un utilisateur pour remplir le formulaire.',
  'login.demoFilled': 'Formulaire rempli pour {name}. Appuyez sur « Se connecter ».',
  'login.pitch': 'De ce qui se dit aux personnes qui le portent : six capacités, une plateforme libre que vous hébergez vous-même.',

  'role.strategist': 'Stratège',
  'role.manager': 'Community manager',
  'role.reviewer': 'Relecteur',
  'role.member': 'Membre',
  'role.viewer': 'Observateur',

  'overview.title': 'Vue d’ensemble',
  'overview.intro': 'Ce que contient aujourd’hui l’espace {workspace}.',
  'overview.role': 'Votre rôle : {role}',
  'overview.countsLabel': 'Chiffres de l’espace',
  'overview.accounts': 'Comptes',
  'overview.accountsHint': 'Personnes et marques du réseau',
  'overview.mentions': 'Mentions',
  'overview.mentionsHint': 'Billets, articles et messages écoutés',
  'overview.edges': 'Liens',
  'overview.edgesHint': 'Relations entre les comptes',
  'overview.articles': 'Articles',
  'overview.articlesHint': 'Contenus prêts à publier ou à recycler',
  'overview.challenges': 'Défis',
  'overview.challengesHint': 'Concours pour les ambassadeurs',
  'overview.sections': 'Rubriques',
  'overview.openSection': 'Ouvrir {section}',

  'workspace.none': 'Vous n’êtes membre d’aucun espace de travail. Demandez à un stratège de vous en ouvrir un.',
  'notFound.title': 'Page introuvable',
  'notFound.body': 'Il n’y a rien à cette adresse.',
  'notFound.workspace': 'Vous n’avez pas d’espace de travail nommé « {workspace} ».',
  'notFound.home': 'Aller à la vue d’ensemble',

  'error.RELAIS_AUTH_INVALID': 'E-mail ou mot de passe incorrect.',
  'error.RELAIS_RATE_LIMITED': 'Trop de tentatives : patientez puis réessayez.',
  'error.RELAIS_RATE_LIMITED_WAIT': 'Trop de tentatives : réessayez dans {seconds} s.',
  'error.RELAIS_SESSION_EXPIRED': 'Votre session a expiré : reconnectez-vous.',
  'error.RELAIS_AUTH_REQUIRED': 'Connectez-vous d’abord.',
  'error.RELAIS_FORBIDDEN': 'Votre rôle ne permet pas cette action.',
  'error.RELAIS_NOT_FOUND': 'Introuvable.',
  'error.RELAIS_INTERNAL': 'Erreur interne. Elle a été consignée.',
};

export const fr: Record<MessageKey, string> = { ...shellFr, ...listenFr, ...mapFr, ...spreadFr, ...publishFr, ...engageFr, ...rewardFr };
