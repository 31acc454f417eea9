// The mention stream, newest first: filters (topic, source type, full-text search, dates), pages
// of 30 with "load more" (the API's `next` cursor), and, when the live stream says mentions came
// in, a bar that offers them rather than moving the list under the reader's eyes.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, unwrap, type Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLiveEvent } from '../shell/use-live-events.ts';
import { endOfDay, plural, startOfDay } from './format.ts';
import { searchWords } from './highlight.tsx';
import { MentionCard } from './mention-card.tsx';
import { SOURCE_TYPES, type Mention, type MentionFilters, type SourceType } from './types.ts';
import type { Topics } from './use-topics.ts';
import { LoadFailed } from '../shell/load-failed.tsx';

const PAGE = 30;
/** How many new mentions the bar counts exactly; past that it says "50+". */
const NEW_COUNT_CAP = 50;
const SEARCH_DEBOUNCE_MS = 300;
const NEW_CHECK_DELAY_MS = 800;

interface Filters {
  topic: number | null;
  source: SourceType | '';
  q: string;
  from: string;
  to: string;
}

type Stream =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; mentions: Mention[]; next: string | null };

interface Fresh {
  mentions: Mention[];
  next: string | null;
  count: number;
}

/** The API's query for these filters (the search already debounced). */
function apiQuery(filters: Filters, q: string): MentionFilters {
  const words = searchWords(q);
  return {
    limit: PAGE,
    ...(filters.topic !== null ? { topic: filters.topic } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    ...(words.length > 0 ? { q: q.trim() } : {}),
    ...(startOfDay(filters.from) !== undefined ? { from: startOfDay(filters.from) } : {}),
    ...(endOfDay(filters.to) !== undefined ? { to: endOfDay(filters.to) } : {}),
  };
}

/** True when a comes before b in the stream (newer, or as new with a larger id). */
function newer(a: Mention, b: Mention): boolean {
  return a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.id > b.id);
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function MentionsPage({ workspace, topics, initialTopic }: { workspace: Workspace; topics: Topics; initialTopic: number | null }) {
  const { t, locale, formatNumber } = useI18n();
  const isOne = (n: number) => plural(locale, n) === 'one';
  const empty: Filters = { topic: null, source: '', q: '', from: '', to: '' };
  const [filters, setFilters] = useState<Filters>({ ...empty, topic: initialTopic });
  const q = useDebounced(filters.q, SEARCH_DEBOUNCE_MS);
  const query = apiQuery(filters, q);
  const queryKey = JSON.stringify(query);
  const [stream, setStream] = useState<Stream>({ status: 'loading' });
  const [busy, setBusy] = useState(true);
  const [more, setMore] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [fresh, setFresh] = useState<Fresh | null>(null);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);
  const shownStream = useRef(stream);
  shownStream.current = stream;
  const checkTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const fetchPage = (options: { before?: string; limit?: number } = {}) =>
    unwrap(api.GET('/api/v1/w/{workspace}/mentions', { params: { path: { workspace: workspace.slug }, query: { ...query, ...options } } }));

  // The first page, again whenever the filters change; the old list stays, dimmed, meanwhile.
  useEffect(() => {
    const n = ++request.current;
    setBusy(true);
    setFresh(null);
    setMore({ busy: false, error: null });
    fetchPage().then(
      ({ mentions, next }) => {
        if (n !== request.current) return;
        setStream({ status: 'ready', mentions, next });
        setBusy(false);
      },
      (error: unknown) => {
        if (n !== request.current) return;
        setStream({ status: 'failed', error });
        setBusy(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace.slug, queryKey, attempt]);

  // New mentions: count those above the top of the list, under the same filters.
  useLiveEvent((event) => {
    if (event.type !== 'mentions.ingested' || checkTimer.current !== undefined) return;
    checkTimer.current = setTimeout(() => {
      checkTimer.current = undefined;
      const n = request.current;
      fetchPage({ limit: NEW_COUNT_CAP }).then(
        ({ mentions, next }) => {
          const shown = shownStream.current;
          if (n !== request.current || shown.status !== 'ready') return;
          const top = shown.mentions[0];
          const count = top ? mentions.filter((m) => newer(m, top)).length : mentions.length;
          const last = mentions[PAGE - 1];
          setFresh(count > 0 ? { mentions: mentions.slice(0, PAGE), next: mentions.length > PAGE && last ? `${last.publishedAt}:${last.id}` : next, count } : null);
        },
        () => {
          // the next event tries again
        },
      );
    }, NEW_CHECK_DELAY_MS);
  });
  useEffect(() => () => clearTimeout(checkTimer.current), []);

  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(`mention-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);

  function showFresh() {
    if (!fresh) return;
    request.current++;
    setStream({ status: 'ready', mentions: fresh.mentions, next: fresh.next });
    setFocusId(fresh.mentions[0]?.id ?? null);
    setFresh(null);
  }

  async function loadMore() {
    if (stream.status !== 'ready' || !stream.next) return;
    const n = request.current;
    setMore({ busy: true, error: null });
    try {
      const page = await fetchPage({ before: stream.next });
      if (n !== request.current) return;
      setStream({ status: 'ready', mentions: [...stream.mentions, ...page.mentions], next: page.next });
      setMore({ busy: false, error: null });
      setFocusId(page.mentions[0]?.id ?? null);
    } catch (error) {
      if (n === request.current) setMore({ busy: false, error });
    }
  }

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  const filtered = filters.topic !== null || filters.source !== '' || filters.q !== '' || filters.from !== '' || filters.to !== '';
  const topicList = topics.state.status === 'ready' ? topics.state.topics : [];

  return (
    <section className="mentions" aria-labelledby="main-title">
      <form className="filters" role="search" aria-label={t('mentions.filters')} onSubmit={(event: FormEvent) => event.preventDefault()}>
        <div className="filter filter-search">
          <label htmlFor="mentions-q">{t('mentions.search')}</label>
          <input id="mentions-q" type="search" value={filters.q} placeholder={t('mentions.searchPlaceholder')} onChange={(event) => set('q', event.target.value)} />
        </div>
        <div className="filter">
          <label htmlFor="mentions-topic">{t('mentions.topic')}</label>
          <select id="mentions-topic" value={filters.topic ?? ''} onChange={(event) => set('topic', event.target.value ? Number(event.target.value) : null)}>
            <option value="">{t('mentions.allTopics')}</option>
            {filters.topic !== null && !topicList.some((topic) => topic.id === filters.topic) ? <option value={filters.topic}>#{filters.topic}</option> : null}
            {topicList.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="mentions-source">{t('mentions.source')}</label>
          <select id="mentions-source" value={filters.source} onChange={(event) => set('source', event.target.value as SourceType | '')}>
            <option value="">{t('mentions.allSources')}</option>
            {SOURCE_TYPES.map((source) => (
              <option key={source} value={source}>
                {t(`source.${source}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter filter-date">
          <label htmlFor="mentions-from">{t('mentions.from')}</label>
          <input id="mentions-from" type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set('from', event.target.value)} />
        </div>
        <div className="filter filter-date">
          <label htmlFor="mentions-to">{t('mentions.to')}</label>
          <input id="mentions-to" type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set('to', event.target.value)} />
        </div>
        {filtered ? (
          <button type="button" className="button button-secondary filter-reset" onClick={() => setFilters(empty)}>
            {t('mentions.reset')}
          </button>
        ) : null}
      </form>

      {stream.status === 'failed' ? (
        <LoadFailed error={stream.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : stream.status === 'loading' ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <>
          <div className="stream-head">
            <p className="result-line muted" role="status">
              {busy
                ? t('app.loading')
                : stream.mentions.length === 0
                  ? filtered
                    ? t('mentions.noneFiltered')
                    : t('mentions.none')
                  : stream.next
                    ? t('mentions.shownMore', { count: formatNumber(stream.mentions.length) })
                    : t(isOne(stream.mentions.length) ? 'mentions.shownOne' : 'mentions.shownAll', { count: formatNumber(stream.mentions.length) })}
            </p>
        <div className="new-bar-slot" role="status">
          {fresh ? (
            <button type="button" className="new-bar" onClick={showFresh}>
              {fresh.count >= NEW_COUNT_CAP
                ? t('mentions.newMany', { count: formatNumber(NEW_COUNT_CAP) })
                : fresh.count === 1
                  ? t('mentions.newOne')
                  : t('mentions.new', { count: formatNumber(fresh.count) })}
              <span className="new-bar-action">{t('mentions.newShow')}</span>
            </button>
          ) : null}
        </div>
          </div>
          <ol className={`mention-list${busy ? ' is-busy' : ''}`} aria-busy={busy} aria-label={t('mentions.listLabel')}>
            {stream.mentions.map((mention) => (
              <li key={mention.id}>
                <MentionCard mention={mention} search={q} />
              </li>
            ))}
          </ol>
          {more.error ? (
            <div className="error-box" role="alert">
              <p>{errorText(more.error, t, locale)}</p>
            </div>
          ) : null}
          {stream.next ? (
            <p className="load-more">
              <button type="button" className="button button-secondary" onClick={loadMore} disabled={more.busy}>
                {more.busy ? t('app.loading') : t('mentions.loadMore')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
