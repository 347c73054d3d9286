/**
 * A short two-tone alert played with the Web Audio API, so no sound file
 * is needed. Browsers allow sound only after the user has interacted with
 * the page once; before that the call does nothing.
 */
let context: AudioContext | null = null;

export function playAlertSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    [880, 660, 880].forEach((frequency, index) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.3, start + index * 0.25 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.25 + 0.22);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(start + index * 0.25);
      oscillator.stop(start + index * 0.25 + 0.24);
    });
  } catch {
    // No audio device or not allowed yet: the on-screen alert still shows.
  }
}
