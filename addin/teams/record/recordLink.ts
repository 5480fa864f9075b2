/**
 * The printable decision record of a case, from a page under /addin/: the preview's on this computer (any
 * *-preview page signs in as the local user), the Teams page's otherwise.
 */
export const recordHref = (caseId: string) =>
  `${/-preview\.html$/.test(location.pathname) ? 'record-preview.html' : 'record.html'}?case=${encodeURIComponent(caseId)}`;
