import { useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../src/api/contract.ts';
import type { ApiClient } from '../../shared/api/client.ts';
import { messageOf } from '../../shared/messages.ts';

/** How long typing pauses before the search is sent to the service. */
export const SEARCH_PAUSE_MS = 300;

export interface CaseList {
  /** The cases shown so far, or undefined while the first page loads. */
  cases: CaseSummary[] | undefined;
  /** What the shown cases were searched for (trimmed; '' for all). */
  searched: string;
  error: string | undefined;
  /** True while a page is on its way. */
  loading: boolean;
  /** True when the service has more cases after the shown ones. */
  hasMore: boolean;
  /** Loads the next page after the shown cases. */
  showMore: () => void;
}

/**
 * The coordinator's cases with emails to draft, searched on the service (a pause in typing sends the search) and
 * read a page at a time: `showMore` appends the next page. An answer to a search since replaced is dropped.
 */
export function useCaseList(api: ApiClient, search: string): CaseList {
  const wanted = search.trim();
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [searched, setSearched] = useState('');
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = (text: string, cursor: string | undefined) => {
    const asked = ++latest.current;
    setLoading(true);
    setError(undefined);
    api.cases({ search: text, ...(cursor ? { cursor } : {}) }).then(
      (page) => {
        if (asked !== latest.current) return;
        setCases((shown) => (cursor && shown ? [...shown, ...page.cases] : page.cases));
        setSearched(text);
        setNext(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (asked !== latest.current) return;
        setError(messageOf(failure));
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    // The first page is asked at once; a changed search after a pause in typing.
    const timer = setTimeout(() => load(wanted, undefined), cases === undefined ? 0 : SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
    // Only a new search (or client) asks again: `cases` only says whether this is the first page.
  }, [api, wanted]);

  return {
    cases,
    searched,
    error,
    loading,
    hasMore: next !== null,
    showMore: () => {
      if (next !== null && !loading) load(searched, next);
    },
  };
}
