// One mention: who said it (name, handle, audience, country), where and when, what (title and
// text, long texts folded), its sentiment when known, and the way to the original.
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName, formatDateTime, formatFullDateTime, plural } from './format.ts';
import { highlight } from './highlight.tsx';
import { isSentiment, isSourceType, type Mention } from './types.ts';

/** Texts longer than this are folded to about FOLD_AT characters, with "Show more". */
const FOLD_OVER = 260;
const FOLD_AT = 200;

function folded(text: string): string {
  const cut = text.lastIndexOf(' ', FOLD_AT);
  return text.slice(0, cut > FOLD_AT / 2 ? cut : FOLD_AT).trimEnd();
}

function initials(name: string): string {
  const letters = name.match(/[\p{L}\p{N}]+/gu)?.slice(0, 2).map((word) => word[0]!.toUpperCase()) ?? [];
  return letters.join('') || '?';
}

export function MentionCard({ mention, search }: { mention: Mention; search: string }) {
  const { t, locale, formatNumber } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const author = mention.author;
  const name = author ? author.displayName || author.handle : t('mentions.unknownAuthor');
  const long = mention.text.length > FOLD_OVER;
  const text = long && !expanded ? `${folded(mention.text)}…` : mention.text;
  const source = isSourceType(mention.sourceType) ? t(`source.${mention.sourceType}`) : mention.sourceType;
  const sentiment = mention.sentiment;

  return (
    <article className="mention" id={`mention-${mention.id}`} tabIndex={-1} aria-labelledby={`${id}-author`}>
      <header className="mention-head">
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <div className="mention-author">
          <span className="author-name" id={`${id}-author`}>
            {name}
          </span>
          {author ? (
            <span className="author-meta">
              <span className="handle" translate="no">
                @{author.handle}
              </span>
              <span>
                {t(plural(locale, author.followers) === 'one' ? 'mentions.followersOne' : 'mentions.followers', {
                  count: formatNumber(author.followers),
                })}
              </span>
              {author.country ? <span>{countryName(author.country, locale)}</span> : null}
            </span>
          ) : null}
        </div>
        <div className="mention-meta">
          <span className="source-chip" data-source={mention.sourceType}>
            {source}
          </span>
          <time dateTime={new Date(mention.publishedAt).toISOString()} title={formatFullDateTime(mention.publishedAt, locale)}>
            {formatDateTime(mention.publishedAt, locale)}
          </time>
        </div>
      </header>
      {mention.title ? (
        <h3 className="mention-title" lang={mention.lang ?? undefined}>
          {highlight(mention.title, search)}
        </h3>
      ) : null}
      <p className="mention-text" id={`${id}-text`} lang={mention.lang ?? undefined}>
        {highlight(text, search)}
      </p>
      <footer className="mention-foot">
        {long ? (
          <button type="button" className="button-link" aria-expanded={expanded} aria-controls={`${id}-text`} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('mentions.showLess') : t('mentions.showMore')}
          </button>
        ) : null}
        {isSentiment(sentiment) ? (
          <span className={`sentiment sentiment-${sentiment}`}>
            <span className="visually-hidden">{t('mentions.sentiment')} </span>
            {t(`sentiment.${sentiment}`)}
          </span>
        ) : null}
        <span className="network" translate="no">
          {mention.network}
        </span>
        {mention.url ? (
          <a className="original-link" href={mention.url} target="_blank" rel="noopener noreferrer">
            {t('mentions.original')}
            <span aria-hidden="true"> ↗</span>
            <span className="visually-hidden"> {t('mentions.newTab')}</span>
          </a>
        ) : null}
      </footer>
    </article>
  );
}
