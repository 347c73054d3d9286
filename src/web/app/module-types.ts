import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../shared/roles';

/** Side-menu groups, in menu order. */
export const menuGroups = {
  duty: '值班值守',
  information: '信息报送',
  command: '指挥调度',
  organization: '组织人员',
  system: '系统管理',
  personal: '个人',
} as const;

export type MenuGroup = keyof typeof menuGroups;

/** One page of the app: its route, its menu entry and who may open it. */
export interface ModuleEntry {
  /** Route path, e.g. '/people'. Nested paths such as '/incidents/:id' work too. */
  path: string;
  /** Menu label and page title. */
  label: string;
  icon?: ReactNode;
  /** Roles that may open the page. */
  roles: readonly Role[];
  group: MenuGroup;
  /** The page component, loaded on first visit. */
  page: () => Promise<{ default: ComponentType }>;
  /** A detail page reached from another page, not listed in the menu. */
  hideInMenu?: boolean;
  /** Rendered without the side menu and top bar (the hall screen). */
  fullScreen?: boolean;
  /** The hall display session may open it (as well as `roles`). */
  display?: boolean;
}
