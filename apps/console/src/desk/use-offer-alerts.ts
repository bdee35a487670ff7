import { useCallback, useEffect, useRef, useState } from 'react';
import { useTitleCount } from '../shell/document-title';

/** What the browser lets the desk do to reach a person: `unsupported` where there is no Notification API. */
export type AlertPermission = NotificationPermission | 'unsupported';

export interface NewOffer {
  id: string;
  title: string;
  body: string;
}

const hasNotifications = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * Has the person touched the page yet? Browsers play sound (and vibrate) only after a user gesture
 * (the autoplay policy): until then a new offer is shown, counted in the title and notified, but
 * silent. Chromium says so itself (`navigator.userActivation`); elsewhere a first key or tap counts.
 */
function useInteracted(): () => boolean {
  const interacted = useRef(false);
  useEffect(() => {
    const mark = () => (interacted.current = true);
    window.addEventListener('pointerdown', mark, { once: true, capture: true });
    window.addEventListener('keydown', mark, { once: true, capture: true });
    return () => {
      window.removeEventListener('pointerdown', mark, { capture: true });
      window.removeEventListener('keydown', mark, { capture: true });
    };
  }, []);
  return useCallback(() => {
    const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation;
    return interacted.current || activation?.hasBeenActive === true;
  }, []);
}

/** Two short tones (880 Hz, then 1175 Hz), quiet: enough to be heard at a desk at night, not to startle. */
function chime(context: AudioContext): void {
  const start = context.currentTime;
  [0, 0.22].forEach((offset, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = index === 0 ? 880 : 1175;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  });
}

/**
 * Reaching shelter staff when an offer arrives while the console is open: the tab title counts the
 * open offers ("(2) Opvangbalie — Opvangplek"); a new one (one not there when the desk first loaded) chimes and
 * vibrates — only after the person has interacted with the page, as browsers require — and shows a
 * browser notification when they allowed it. Permission is asked only from a button press
 * (`enable`), never on load. Nothing is sent anywhere: the notification is made by this page.
 */
export function useOfferAlerts(openOffers: NewOffer[] | null) {
  const [permission, setPermission] = useState<AlertPermission>(() =>
    hasNotifications() ? Notification.permission : 'unsupported',
  );
  const interacted = useInteracted();
  const audio = useRef<AudioContext | null>(null);
  const known = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  useTitleCount(openOffers?.length ?? 0);

  const ids = openOffers?.map((offer) => offer.id).join(',');
  useEffect(() => {
    if (!openOffers) return;
    // The offers there when the desk opened are shown and counted, not announced as new.
    if (known.current === null) {
      known.current = new Set(openOffers.map((offer) => offer.id));
      return;
    }
    const arrived = openOffers.filter((offer) => !known.current!.has(offer.id));
    for (const offer of openOffers) known.current.add(offer.id);
    if (arrived.length === 0) return;
    setFresh((current) => new Set([...current, ...arrived.map((offer) => offer.id)]));
    setAnnouncement(arrived.map((offer) => offer.title).join('; '));
    if (interacted()) {
      try {
        const context = (audio.current ??= new AudioContext());
        void context.resume().then(() => chime(context));
      } catch {
        // No audio here: the title, the notification and the pinned card still say it.
      }
      navigator.vibrate?.([200, 100, 200]);
    }
    if (hasNotifications() && Notification.permission === 'granted') {
      for (const offer of arrived) {
        try {
          const notification = new Notification(offer.title, { body: offer.body, tag: `offer-${offer.id}` });
          notification.onclick = () => {
            window.focus();
            document.querySelector<HTMLElement>(`article.offer-card[data-request-id="${offer.id}"]`)?.focus();
            notification.close();
          };
        } catch {
          // Some phones allow notifications from a service worker only: the page still shows the offer.
        }
      }
    }
    // Only a change in which offers are open matters, not every new copy of the same list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids]);

  /** From the "Meldingen aanzetten" button: ask the browser, and unlock sound with the same gesture. */
  const enable = useCallback(async () => {
    try {
      audio.current ??= new AudioContext();
      await audio.current.resume();
    } catch {
      // Sound stays off; notifications may still be allowed.
    }
    if (!hasNotifications()) return;
    setPermission(await Notification.requestPermission());
  }, []);

  return { permission, enable, fresh, announcement };
}
