/**
 * Which portal this server is (`GET /api/health`'s `portal`), asked once per page load: the console shows the Beijing
 * desk only on a Beijing server. Until the answer arrives (or when it fails) the SIP portal's desks show.
 */
import { useEffect, useState } from 'react';
import { healthRoute } from '@shared/contract/http/system';
import { call } from '../api';

type Portal = 'sip' | 'beijing-sme';
let asked: Promise<Portal> | null = null;

export function usePortal(): Portal {
  const [portal, setPortal] = useState<Portal>('sip');
  useEffect(() => {
    let live = true;
    asked ??= call(healthRoute).then((h) => h.portal ?? 'sip', () => 'sip' as const);
    void asked.then((p) => live && setPortal(p));
    return () => {
      live = false;
    };
  }, []);
  return portal;
}
