import type { CurrentUser } from '../api/auth';
import { modules } from '../modules';
import { menuGroups, type MenuGroup, type ModuleEntry } from './module-types';

export function mayOpen(user: Pick<CurrentUser, 'roles' | 'sessionKind'>, entry: ModuleEntry): boolean {
  if (user.sessionKind === 'display') return entry.display === true;
  return user.roles.some((role) => entry.roles.includes(role));
}

/** The menu entries the user may open, grouped in menu order; empty groups are left out. */
export function menuFor(user: Pick<CurrentUser, 'roles' | 'sessionKind'>): { group: MenuGroup; label: string; entries: ModuleEntry[] }[] {
  const groups = Object.keys(menuGroups) as MenuGroup[];
  return groups
    .map((group) => ({
      group,
      label: menuGroups[group],
      entries: modules.filter((entry) => entry.group === group && !entry.hideInMenu && mayOpen(user, entry)),
    }))
    .filter((group) => group.entries.length > 0);
}

/** The page a user lands on: the first menu entry they may open, or null when there is none. */
export function homePathFor(user: Pick<CurrentUser, 'roles' | 'sessionKind'>): string | null {
  const fullScreen = modules.find((entry) => entry.fullScreen && mayOpen(user, entry));
  if (user.sessionKind === 'display' && fullScreen) return fullScreen.path;
  return menuFor(user)[0]?.entries[0]?.path ?? fullScreen?.path ?? null;
}
