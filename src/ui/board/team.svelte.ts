import { readWorkshopText, workshopText, type Workshop } from '../../board/formats.ts';
import type { KeyValueStore } from '../workspace/persist.ts';

/**
 * The team's side of a workshop: the workshop a team link opened (kept in
 * localStorage, so a reload keeps the "Hand in" action).
 */

export const TEAM_STORAGE_KEY = 'dsw.board.team';

export class TeamSession {
  readonly #storage: KeyValueStore | null;
  workshop = $state.raw<Workshop | null>(null);
  /** The team's name, remembered for the next hand-in. */
  team = $state('');

  constructor(storage: KeyValueStore | null) {
    this.#storage = storage;
    try {
      const saved = storage?.getItem(TEAM_STORAGE_KEY);
      if (saved) {
        const { workshop, team } = JSON.parse(saved) as { workshop?: string; team?: string };
        const r = typeof workshop === 'string' ? readWorkshopText(workshop) : null;
        if (r?.ok) this.workshop = r.value;
        if (typeof team === 'string') this.team = team;
      }
    } catch {
      // An unreadable saved session is dropped: the team link opens it again.
    }
  }

  join(w: Workshop): void {
    this.workshop = w;
    this.#save();
  }

  leave(): void {
    this.workshop = null;
    this.#save();
  }

  setTeam(name: string): void {
    this.team = name;
    this.#save();
  }

  #save(): void {
    try {
      if (this.workshop) this.#storage?.setItem(TEAM_STORAGE_KEY, JSON.stringify({ workshop: workshopText(this.workshop), team: this.team }));
      else this.#storage?.removeItem(TEAM_STORAGE_KEY);
    } catch {
      // Storage refused: the session lasts as long as the page.
    }
  }
}
