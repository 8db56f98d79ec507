// State: which page the app shows — the map, the briefing (`?view=briefing`) or the wall screen
// (`?mode=wall`) — read from the URL. Opening the briefing pushes a history entry, so the
// browser's Back returns to the map; url-sync keeps these parameters as they are.
import { create } from 'zustand';

export type AppView = 'map' | 'briefing';
export type AppMode = 'desk' | 'wall';

interface RouteState {
  view: AppView;
  mode: AppMode;
  /** Opens `view`, adding a history entry (Back returns). */
  open(view: AppView): void;
}

/** The route a query string names; anything else is the map at the desk. */
export function routeOf(search: string): { view: AppView; mode: AppMode } {
  const q = new URLSearchParams(search);
  return { view: q.get('view') === 'briefing' ? 'briefing' : 'map', mode: q.get('mode') === 'wall' ? 'wall' : 'desk' };
}

const here = () => (typeof location === 'undefined' ? '' : location.search);

export const useRoute = create<RouteState>((set) => ({
  ...routeOf(here()),
  open(view) {
    const q = new URLSearchParams(location.search);
    if (view === 'map') q.delete('view');
    else q.set('view', view);
    const search = q.toString();
    history.pushState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    set({ view });
  },
}));

if (typeof window !== 'undefined') window.addEventListener('popstate', () => useRoute.setState(routeOf(location.search)));
