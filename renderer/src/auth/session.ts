// The signed-in user (UI state only: who, and whether the screen is locked).
import { create } from 'zustand';

import { can } from '../../../shared/permissions';
import type { Permission } from '../../../shared/permissions';
import { clearNotices } from '../components/notify';
import type { Actor } from '../db/repo';

import type { SessionUser } from './service';

type SessionState = {
  user: SessionUser | null;
  locked: boolean;
  signIn(user: SessionUser): void;
  signOut(): void;
  lock(): void;
  unlock(): void;
};

export const useSession = create<SessionState>((set) => ({
  user: null,
  locked: false,
  signIn: (user) => {
    clearNotices();
    set({ user, locked: false });
  },
  signOut: () => {
    clearNotices();
    set({ user: null, locked: false });
  },
  lock: () => set((s) => (s.user ? { locked: true } : s)),
  unlock: () => set({ locked: false }),
}));

export function currentUser(): SessionUser {
  const u = useSession.getState().user;
  if (!u) throw new Error('未登录');
  return u;
}

export function currentActor(): Actor {
  const u = currentUser();
  return { id: u.staffId, name: u.name };
}

export function useCan(permission: Permission): boolean {
  return useSession((s) => (s.user ? can(s.user.roles, permission) : false));
}

export function userCan(permission: Permission): boolean {
  const u = useSession.getState().user;
  return !!u && can(u.roles, permission);
}
