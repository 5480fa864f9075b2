import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AdminView, Versioned } from '../../../src/api/adminContract.ts';
import {
  administratorsSchema,
  countySettingsSchema,
  partnershipSettingsSchema,
  type Administrator,
  type CountySettings,
  type PartnershipSettings,
} from '../../../src/settings/settings.ts';
import type { PartnershipId } from '../../../src/templates/fields.ts';
import { InvalidSettingsError, StaleSettingsError, type AdminApi } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/messages.ts';
import { problemsByPath, problemsOfZod, type FieldProblems } from './problems.ts';

/** What a save came to: saved, refused with a message beside each field, or failed with one message. */
export type SaveOutcome = { saved: true } | { saved: false; problems: FieldProblems; stale?: boolean };

export type Notice = { intent: 'success' | 'warning' | 'error'; text: string };

export const STALE_MESSAGE =
  'Someone else changed this since you opened it. Its current values are shown: make your change again.';

export interface AdminState {
  view: AdminView | undefined;
  /** Why the page could not load. */
  problem: string | undefined;
  notice: Notice | undefined;
  setNotice(notice: Notice | undefined): void;
  saveAdministrators(next: Administrator[], done: string): Promise<SaveOutcome>;
  saveCounty(next: CountySettings, done: string): Promise<SaveOutcome>;
  savePartnership(next: PartnershipSettings, done: string): Promise<SaveOutcome>;
}

/**
 * The page's documents and how they are saved: checked with the settings' own schemas first, then sent whole
 * with the version they were read at. A stale version brings the current document in its place.
 */
export function useAdminView(api: AdminApi): AdminState {
  const [view, setView] = useState<AdminView | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();

  useEffect(() => {
    api.view().then(setView, (error: unknown) => setProblem(messageOf(error)));
  }, [api]);

  const save = useCallback(
    async <T>(
      schema: z.ZodType<T, unknown>,
      next: T,
      version: number,
      send: (value: T, version: number) => Promise<Versioned<T>>,
      store: (saved: Versioned<T>) => void,
      done: string,
    ): Promise<SaveOutcome> => {
      const checked = schema.safeParse(next);
      if (!checked.success) return { saved: false, problems: problemsOfZod(checked.error) };
      try {
        store(await send(checked.data, version));
        setNotice({ intent: 'success', text: done });
        return { saved: true };
      } catch (error) {
        if (error instanceof InvalidSettingsError)
          return { saved: false, problems: problemsByPath(error.problems) };
        if (error instanceof StaleSettingsError) {
          store(error.current as Versioned<T>);
          setNotice({ intent: 'warning', text: STALE_MESSAGE });
          return { saved: false, problems: { '': STALE_MESSAGE }, stale: true };
        }
        return { saved: false, problems: { '': messageOf(error) } };
      }
    },
    [],
  );

  const update = (change: (current: AdminView) => AdminView) =>
    setView((current) => (current ? change(current) : current));

  return {
    view,
    problem,
    notice,
    setNotice,
    saveAdministrators: (next, done) =>
      save(
        administratorsSchema,
        next,
        view?.administrators?.version ?? 0,
        api.saveAdministrators,
        (administrators) => update((current) => ({ ...current, administrators })),
        done,
      ),
    saveCounty: (next, done) =>
      save(
        countySettingsSchema,
        next,
        view?.county.version ?? 0,
        api.saveCounty,
        (county) => update((current) => ({ ...current, county })),
        done,
      ),
    savePartnership: (next, done) =>
      save(
        partnershipSettingsSchema,
        next,
        partnershipOf(view, next.id)?.version ?? 0,
        api.savePartnership,
        (saved) =>
          update((current) => ({
            ...current,
            partnerships: current.partnerships.map((item) =>
              item.value.id === saved.value.id ? saved : item,
            ),
          })),
        done,
      ),
  };
}

export function partnershipOf(
  view: AdminView | undefined,
  id: PartnershipId,
): Versioned<PartnershipSettings> | undefined {
  return view?.partnerships.find((item) => item.value.id === id);
}
