/** The Settings page's form: the stored settings, saved whole or one choice at a time. */
import { listImportedDecks, loadSettings, saveSettings, updateSettings } from '$lib/db';
import { summarize, type DeckSummary, type Settings } from '$lib/domain';
import { applyTheme } from './theme';

export class SettingsForm {
  /** What the form shows: the stored settings with the learner's edits; null until read. */
  settings = $state<Settings | null>(null);
  /** Decks imported on this device, which get per-deck limits as built-in ones do. */
  importedDecks = $state.raw<DeckSummary[]>([]);

  async load(): Promise<void> {
    const [settings, imported] = await Promise.all([loadSettings(), listImportedDecks()]);
    this.importedDecks = imported.map((r) => summarize(r.deck));
    this.settings = settings;
  }

  /** Saves the whole form, then shows what was stored (out-of-range values corrected). */
  async save(): Promise<void> {
    if (!this.settings) return;
    await saveSettings($state.snapshot(this.settings));
    await this.load();
  }

  /**
   * Theme and swipe grading take effect and are saved as soon as they change, apart from the form's
   * Save; the form's copy is kept in step so its Save does not undo them.
   */
  async choose(patch: Partial<Pick<Settings, 'theme' | 'swipeGrading' | 'readAnswerAloud'>>): Promise<void> {
    if (this.settings) Object.assign(this.settings, patch);
    if (patch.theme) applyTheme(patch.theme);
    await updateSettings(patch);
  }

  /** After a restore or reset, which can bring other settings: the form and the theme follow what is stored. */
  async reload(): Promise<void> {
    await this.load();
    if (this.settings) applyTheme(this.settings.theme);
  }
}
