// The user's workspaces; choosing one opens the same page in it.
import type { ChangeEvent } from 'react';
import type { Workspace } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, workspacePath } from './router.ts';
import type { SectionId } from './sections.ts';

export function WorkspaceSwitcher({
  workspaces,
  current,
  page,
}: {
  workspaces: readonly Workspace[];
  current: Workspace | undefined;
  page: SectionId | 'overview';
}) {
  const { t } = useI18n();
  function choose(event: ChangeEvent<HTMLSelectElement>) {
    navigate(workspacePath(event.target.value, page));
  }
  return (
    <div className="workspace-switcher">
      <label htmlFor="workspace-select">{t('header.workspace')}</label>
      <select id="workspace-select" value={current?.slug ?? ''} onChange={choose}>
        {current ? null : <option value="">—</option>}
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
