// The last workspace the user opened, remembered in localStorage so that `/` returns to it.
import type { Workspace } from '../api/client.ts';

const STORAGE_KEY = 'relais.workspace';

export function rememberWorkspace(slug: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // storage disabled: `/` opens the first workspace
  }
}

/** The remembered workspace if the user still belongs to it, else their first one. */
export function pickWorkspace(workspaces: readonly Workspace[]): Workspace | undefined {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage disabled
  }
  return workspaces.find((w) => w.slug === remembered) ?? workspaces[0];
}
