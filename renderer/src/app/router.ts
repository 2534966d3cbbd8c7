// Hash routing: '#/module/sub/param'. Kept tiny on purpose: the app has one window and no server.
import { useSyncExternalStore } from 'react';

import type { Route } from './routes';

// Without a window (a unit test importing a module's index, which also exports screens) the route
// is empty and never changes.
const win = typeof window === 'undefined' ? null : window;

function read(): string[] {
  if (!win) return [];
  return win.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

let current = read();
const listeners = new Set<() => void>();
win?.addEventListener('hashchange', () => {
  current = read();
  for (const l of listeners) l();
});

export function useRoute(): string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function navigate(...route: Route): void {
  window.location.hash = href(...route);
}

// The link of a route (app/routes.ts): '#/module/tab/…', each part encoded.
export function href(...route: Route): string {
  return '#/' + route.map(encodeURIComponent).join('/');
}
