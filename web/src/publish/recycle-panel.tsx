// Evergreen recycling: the rules (age window, categories in or out, hashtags, prefix and suffix,
// link, interval and spread, pace, order, what to do when the pool runs out) and, live, the
// next ten posts they would make for a network, with the articles they leave out and why.
import { useEffect, useState } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../listen/format.ts';
import { DEFAULT_RULES } from '../../../src/publish/recycle/rules.ts';
import type { RecyclePreview, RecycleRulesInput } from './types.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function RecyclePanel({ workspace }: { workspace: Workspace }) {
  const { t, locale } = useI18n();
  const [minAge, setMinAge] = useState(30);
  const [maxAge, setMaxAge] = useState<number | ''>(90);
  const [exclude, setExclude] = useState('Annonces');
  const [include, setInclude] = useState('');
  const [hashtags, setHashtags] = useState<'categories' | 'tags' | 'none'>('categories');
  const [prefix, setPrefix] = useState('À relire :');
  const [interval, setIntervalHours] = useState(24);
  const [order, setOrder] = useState<'oldest' | 'random'>('oldest');
  const [exhausted, setExhausted] = useState<'repeat' | 'stop'>('repeat');
  const [pace, setPace] = useState<'auto' | 'rules'>('auto');
  const [network, setNetwork] = useState<'mastodon' | 'bluesky'>('mastodon');
  const [preview, setPreview] = useState<RecyclePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const rules: RecycleRulesInput = {
      ...DEFAULT_RULES,
      minAgeDays: minAge, maxAgeDays: maxAge === '' ? null : maxAge, excludeCategories: list(exclude), includeCategories: list(include),
      hashtags: { from: hashtags, custom: {}, max: 3, maxLength: 20 }, prefix, intervalHours: interval, order, whenExhausted: exhausted, pace,
    };
    const timer = setTimeout(() => {
      unwrap(api.POST('/api/v1/w/{workspace}/recycle/preview', { params: { path: { workspace: workspace.slug } }, body: { rules, network, count: 10 } })).then(
        (data) => { if (current) { setPreview(data); setError(null); } },
        (failure: unknown) => { if (current) setError(errorText(failure, t, locale)); },
      );
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [workspace.slug, minAge, maxAge, exclude, include, hashtags, prefix, interval, order, exhausted, pace, network, t, locale]);

  const reasons = new Map<string, number>();
  for (const e of preview?.excluded ?? []) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
  return (
    <section className="recycle" aria-labelledby="main-title">
      <form className="recycle-rules" onSubmit={(e) => e.preventDefault()}>
        <label className="field"><span>{t('publish.recycle.minAge')}</span><input type="number" min={0} value={minAge} onChange={(e) => setMinAge(Number(e.target.value))} /></label>
        <label className="field"><span>{t('publish.recycle.maxAge')}</span><input type="number" min={0} value={maxAge} onChange={(e) => setMaxAge(e.target.value === '' ? '' : Number(e.target.value))} /></label>
        <label className="field"><span>{t('publish.recycle.include')}</span><input value={include} onChange={(e) => setInclude(e.target.value)} /></label>
        <label className="field"><span>{t('publish.recycle.exclude')}</span><input value={exclude} onChange={(e) => setExclude(e.target.value)} /></label>
        <label className="field"><span>{t('publish.recycle.hashtags')}</span>
          <select value={hashtags} onChange={(e) => setHashtags(e.target.value as typeof hashtags)}>
            <option value="categories">{t('publish.recycle.fromCategories')}</option><option value="tags">{t('publish.recycle.fromTags')}</option><option value="none">{t('publish.recycle.noHashtags')}</option>
          </select>
        </label>
        <label className="field"><span>{t('publish.recycle.prefix')}</span><input value={prefix} onChange={(e) => setPrefix(e.target.value)} /></label>
        <label className="field"><span>{t('publish.recycle.interval')}</span><input type="number" min={0.25} step={0.25} value={interval} onChange={(e) => setIntervalHours(Number(e.target.value))} /></label>
        <label className="field"><span>{t('publish.recycle.pace')}</span>
          <select value={pace} onChange={(e) => setPace(e.target.value as typeof pace)}><option value="auto">{t('publish.recycle.paceAuto')}</option><option value="rules">{t('publish.recycle.paceRules')}</option></select>
        </label>
        <label className="field"><span>{t('publish.recycle.order')}</span>
          <select value={order} onChange={(e) => setOrder(e.target.value as typeof order)}><option value="oldest">{t('publish.recycle.oldest')}</option><option value="random">{t('publish.recycle.random')}</option></select>
        </label>
        <label className="field"><span>{t('publish.recycle.exhausted')}</span>
          <select value={exhausted} onChange={(e) => setExhausted(e.target.value as typeof exhausted)}><option value="repeat">{t('publish.recycle.repeat')}</option><option value="stop">{t('publish.recycle.stop')}</option></select>
        </label>
        <label className="field"><span>{t('publish.recycle.network')}</span>
          <select value={network} onChange={(e) => setNetwork(e.target.value as typeof network)}><option value="mastodon">Mastodon</option><option value="bluesky">Bluesky</option></select>
        </label>
      </form>
      {error ? <p className="callout callout-error" role="alert">{error}</p> : null}
      {preview ? (
        <>
          <p className="muted" role="status">{t('publish.recycle.summary', { pool: preview.poolSize, perDay: preview.usualPerDay.toFixed(1), hours: preview.intervalHours })}</p>
          {preview.stopped ? <p className="callout">{t(preview.stopped === 'empty-pool' ? 'publish.recycle.emptyPool' : 'publish.recycle.exhaustedStop')}</p> : null}
          <table className="data-table recycle-preview">
            <caption>{t('publish.recycle.next')}</caption>
            <thead><tr><th scope="col">{t('publish.detail.when')}</th><th scope="col">{t('publish.recycle.post')}</th><th scope="col">{t('publish.recycle.length')}</th></tr></thead>
            <tbody>
              {preview.shares.map((s) => (
                <tr key={`${s.at}-${s.articleId}`} className={s.over ? 'is-over' : undefined}>
                  <td className="nowrap">{formatDateTime(s.at, locale)}</td><td>{s.text}</td><td className="number">{s.length}/{s.limit}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('publish.recycle.leftOut')} {[...reasons].map(([reason, n]) => `${t(`publish.recycle.reason.${reason}` as 'publish.recycle.reason.too-old')} ${n}`).join(' · ') || '—'}</p>
        </>
      ) : null}
    </section>
  );
}
