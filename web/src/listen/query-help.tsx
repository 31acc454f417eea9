// The short help beside the topic editor: the query language's main operators, and examples
// one click puts in the query box. Everything is here: no link leaves the app.
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

const OPERATORS: ReadonlyArray<readonly [syntax: string | readonly string[], description: MessageKey]> = [
  ['élysée', 'queryHelp.word'],
  ['"cimes & sentiers"', 'queryHelp.phrase'],
  ['cimes AND alpes', 'queryHelp.and'],
  ['cimes OR alpes', 'queryHelp.or'],
  ['cimes -emploi', 'queryHelp.not'],
  ['(a OR b) AND c', 'queryHelp.group'],
  [['organis*', 'organi?ation'], 'queryHelp.wildcard'],
  ['dsk NEAR/3 sofitel', 'queryHelp.near'],
  [['#CimesAlpha', '@cimes'], 'queryHelp.tags'],
  [['lang:fr', 'site:lemonde.fr'], 'queryHelp.fields'],
  ['raw:Orange', 'queryHelp.raw'],
];

const EXAMPLES: ReadonlyArray<readonly [query: string, caption: MessageKey]> = [
  ['(cimes OR "cimes & sentiers") AND NOT emploi', 'queryHelp.example.brand'],
  ['#CimesAlpha OR @cimes OR author:cimes', 'queryHelp.example.accounts'],
  ['lang:fr AND sentiment:negative AND (arnaque OR honte OR boycott)', 'queryHelp.example.badBuzz'],
  ['delorme NEAR/5 (démission OR enquête)', 'queryHelp.example.near'],
];

export function QueryHelp({ onUse }: { onUse?: (query: string) => void }) {
  const { t } = useI18n();
  return (
    <aside className="query-help" aria-labelledby="query-help-title">
      <h2 id="query-help-title">{t('queryHelp.title')}</h2>
      <p className="query-help-intro">{t('queryHelp.intro')}</p>
      <dl className="query-ops">
        {OPERATORS.map(([syntax, description]) => (
          <div key={description}>
            <dt>
              {(typeof syntax === 'string' ? [syntax] : syntax).map((example) => (
                <code key={example} translate="no">
                  {example}
                </code>
              ))}
            </dt>
            <dd>{t(description)}</dd>
          </div>
        ))}
      </dl>
      <p className="query-help-note">{t('queryHelp.capitals')}</p>
      <h3>{t('queryHelp.examples')}</h3>
      <ul className="query-examples">
        {EXAMPLES.map(([query, caption]) => (
          <li key={query}>
            <span className="query-example-caption">{t(caption)}</span>
            <code translate="no">{query}</code>
            {onUse ? (
              <button type="button" className="button-link" onClick={() => onUse(query)} aria-label={t('queryHelp.useLabel', { caption: t(caption) })}>
                {t('queryHelp.use')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
