import { DEFAULT_CLIPBOARD_CLEAR_SECONDS, preferencesSchema, type Preferences } from '../../shared/ipc/users-schemas';
import { AppError } from '../../shared/domain/errors';
import type { KeyValueStore } from './ports';

/** Settings key of the app's preferences. */
export const PREFERENCES_KEY = 'preferences';

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  clipboardClearSeconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS,
});

/** The app's preferences in the settings store; a missing or malformed value reads as the defaults. */
export class PreferencesStore {
  constructor(private readonly settings: KeyValueStore) {}

  get(): Preferences {
    const stored = this.settings.get(PREFERENCES_KEY);
    const merged = { ...DEFAULT_PREFERENCES, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
    const parsed = preferencesSchema.safeParse(merged);
    return parsed.success ? parsed.data : { ...DEFAULT_PREFERENCES };
  }

  /** Saves the preferences; AppError invalid_input (with the field) for a value out of range. */
  set(next: Preferences): Preferences {
    const parsed = preferencesSchema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'invalid_input',
        'The clipboard is cleared after 0 (never) to 3600 seconds: enter a whole number in that range.',
        { field: String(issue?.path[0] ?? 'clipboardClearSeconds') },
      );
    }
    this.settings.set(PREFERENCES_KEY, parsed.data);
    return parsed.data;
  }
}
