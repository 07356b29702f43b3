/** Reading card text aloud with the device's speech synthesis, in a voice for the text's language. */
import { chooseVoice } from '$lib/domain';

export type ReadAloudResult = 'spoken' | 'no-speech' | 'no-voice';

/** Voices arrive after the page starts in some browsers: wait for them this long at most. */
const VOICES_WAIT_MS = 1500;

async function voices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return now;
  await new Promise<void>((resolve) => {
    const done = () => {
      synth.removeEventListener('voiceschanged', done);
      resolve();
    };
    synth.addEventListener('voiceschanged', done);
    setTimeout(done, VOICES_WAIT_MS);
  });
  return synth.getVoices();
}

/**
 * Says `text` in `lang` (a BCP 47 tag), stopping anything still being said. Nothing is said when the
 * device has no speech synthesis (`no-speech`) or no voice for that language (`no-voice`), rather than
 * reading it in another language's voice.
 */
export async function readAloud(text: string, lang: string): Promise<ReadAloudResult> {
  const synth = globalThis.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return 'no-speech';
  const voice = chooseVoice(await voices(synth), lang);
  if (!voice) return 'no-voice';
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = voice.lang;
  utterance.voice = voice;
  synth.speak(utterance);
  return 'spoken';
}

/** Stops reading aloud (the card changed). */
export function stopReading(): void {
  globalThis.speechSynthesis?.cancel();
}
