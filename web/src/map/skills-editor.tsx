// An account's skills (what "who can help me with…?" searches): those relais found in its bio,
// hashtags and posts, plus the tags a community manager adds or removes here.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canEditSkills, saveSkills } from './map-api.ts';
import { parseSkills } from './skills.ts';

export function SkillsEditor({ workspace, accountId, skills }: { workspace: Workspace; accountId: number; skills: string[] }) {
  const { t, locale } = useI18n();
  const [shown, setShown] = useState(skills);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldId = useId();
  const errorId = useId();
  useEffect(() => setShown(skills), [skills]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await saveSkills(workspace.slug, accountId, parseSkills(draft));
      setShown(saved);
      setEditing(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  }

  if (editing) {
    return (
      <form className="skills-form" onSubmit={save}>
        <label htmlFor={fieldId}>{t('map.skills.label')}</label>
        <input
          id={fieldId}
          type="text"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <p className="muted field-hint">{t('map.skills.hint')}</p>
        {error ? (
          <p className="field-error" id={errorId} role="alert">
            {errorText(error, t, locale)}
          </p>
        ) : null}
        <p className="card-actions">
          <button type="submit" className="button button-primary button-small" disabled={saving}>
            {saving ? t('map.skills.saving') : t('map.skills.save')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)}>
            {t('map.skills.cancel')}
          </button>
        </p>
      </form>
    );
  }
  return (
    <>
      {shown.length > 0 ? (
        <ul className="skills" aria-label={t('map.card.skills')}>
          {shown.map((skill) => (
            <li key={skill} className="skill">
              {skill}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('map.skills.none')}</p>
      )}
      {canEditSkills(workspace.role) ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            setDraft(shown.join(', '));
            setEditing(true);
          }}
        >
          {t('map.skills.edit')}
        </button>
      ) : null}
    </>
  );
}
