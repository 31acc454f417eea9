// The English dictionary: the reference for the message keys. fr.ts must have exactly these
// keys (its type is Record<MessageKey, string>), so a missing or extra key fails the type check.
// `{name}` placeholders are filled by t(key, { name }). Each capability keeps its own messages in
// web/src/<capability>/messages.ts; the shell's are here.
import { listenEn } from '../listen/messages.ts';
import { mapEn } from '../map/messages.ts';
import { spreadEn } from '../spread/messages.ts';
import { publishEn } from '../publish/messages.ts';
import { engageEn } from '../engage/messages.ts';
import { rewardEn } from '../reward/messages.ts';

const shellEn = {
  'app.name': 'relais',
  'app.tagline': 'Social influence and community management',
  'app.skip': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'app.networkError': 'The server cannot be reached. Check your connection and try again.',
  'app.startError': 'relais could not start.',

  'lang.label': 'Language',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'header.home': 'relais — overview of {workspace}',
  'header.workspace': 'Workspace',
  'header.live': 'Live',
  'header.liveTitle': 'Connected: updates arrive in real time.',
  'header.signedInAs': 'Signed in as',
  'header.logout': 'Log out',

  'nav.label': 'Sections',
  'nav.overview': 'Overview',

  'section.listen.name': 'Listen',
  'section.listen.question': 'What is being said',
  'section.listen.body':
    'Follow what is said about your brand and your topics on blogs, news sites, forums, Mastodon and Bluesky. Boolean topic queries, volume per source with spike detection, sentiment, countries and keywords — up to the buzz report in one click.',
  'section.map.name': 'Map',
  'section.map.question': 'Who is connected to whom',
  'section.map.body':
    'The relationship graph built from every interaction: tie strength, strong and weak ties, communities and the brokers between them. Influence scores that explain themselves, and “who can help me with X” through a trusted introduction path.',
  'section.spread.name': 'Spread',
  'section.spread.question': 'What will travel, and from whom',
  'section.spread.body':
    'Simulate how a message travels through the network, choose the best people to seed it within a budget, and measure the true reach of an advocacy programme: the union of audiences, not the naive product.',
  'section.publish.name': 'Publish',
  'section.publish.question': 'Saying it, at the right pace',
  'section.publish.body':
    'A calendar and queues for Mastodon, Bluesky, webhooks and your outbound RSS, with durable jobs that never post twice. Evergreen recycling of your best old articles, and employee advocacy with an approval queue and brand-safety checks.',
  'section.engage.name': 'Engage',
  'section.engage.question': 'Answering, together',
  'section.engage.body':
    'A shared inbox for the conversations that need a human: assignment, an on-duty rota covering seven days, response-time targets and escalation of bad buzz. Hidden VIPs flagged from the map, and thank-you suggestions for your fans.',
  'section.reward.name': 'Reward',
  'section.reward.question': 'Challenges and points',
  'section.reward.body':
    'Challenges with points, a time window and eligibility rules; an append-only points ledger and leaderboards; a weighted prize draw that anyone can re-check, its seed committed before the draw.',
  'section.coming': 'Coming soon',
  'section.arrives': 'This section arrives with its issue. Until then, its data is already being gathered:',
  'section.arrivesNoData': 'This section arrives with its issue.',
  'section.back': 'Back to the overview',

  'login.title': 'Log in',
  'login.intro': 'Log in to your relais workspace.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.emailMissing': 'Enter your email address.',
  'login.passwordMissing': 'Enter your password.',
  'login.loggedOut': 'You have logged out.',
  'login.demoTitle': 'Demo users',
  'login.demoIntro': 'This server runs the demo world. Choose a user to fill in the form.',
  'login.demoFilled': 'Form filled in for {name}. Press “Log in”.',
  'login.pitch': 'From what is being said to the people who carry it: six capabilities, one open-source platform you host yourself.',

  'role.strategist': 'Strategist',
  'role.manager': 'Community manager',
  'role.reviewer': 'Reviewer',
  'role.member': 'Member',
  'role.viewer': 'Viewer',

  'overview.title': 'Overview',
  'overview.intro': 'What the {workspace} workspace holds today.',
  'overview.role': 'Your role: {role}',
  'overview.countsLabel': 'Workspace counts',
  'overview.accounts': 'Accounts',
  'overview.accountsHint': 'People and brands in the network',
  'overview.mentions': 'Mentions',
  'overview.mentionsHint': 'Posts, articles and messages heard',
  'overview.edges': 'Ties',
  'overview.edgesHint': 'Relationships between accounts',
  'overview.articles': 'Articles',
  'overview.articlesHint': 'Content ready to publish or recycle',
  'overview.challenges': 'Challenges',
  'overview.challengesHint': 'Contests for ambassadors',
  'overview.sections': 'Sections',
  'overview.openSection': 'Open {section}',

  'workspace.none': 'You are not a member of any workspace yet. Ask a strategist to add you to one.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address.',
  'notFound.workspace': 'You have no workspace named “{workspace}”.',
  'notFound.home': 'Go to the overview',

  'error.RELAIS_AUTH_INVALID': 'Wrong email or password.',
  'error.RELAIS_RATE_LIMITED': 'Too many attempts: wait and try again.',
  'error.RELAIS_RATE_LIMITED_WAIT': 'Too many attempts: try again in {seconds} s.',
  'error.RELAIS_SESSION_EXPIRED': 'Your session has expired: log in again.',
  'error.RELAIS_AUTH_REQUIRED': 'Log in first.',
  'error.RELAIS_FORBIDDEN': 'Your role does not allow this.',
  'error.RELAIS_NOT_FOUND': 'Not found.',
  'error.RELAIS_INTERNAL': 'Internal error. It has been logged.',
} satisfies Record<string, string>;

export const en = { ...shellEn, ...listenEn, ...mapEn, ...spreadEn, ...publishEn, ...engageEn, ...rewardEn };

/** Every message key of the web app. */
export type MessageKey = keyof typeof en;
