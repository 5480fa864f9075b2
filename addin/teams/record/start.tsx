import type { Root } from 'react-dom/client';
import { ApiError } from '../../shared/api/client.ts';
import { connect } from '../../shared/api/connect.ts';
import type { AuthHost } from '../../shared/auth/signIn.ts';
import { createReportsApi } from '../reports/reportsApi.ts';
import { messageOf } from '../../shared/messages.ts';
import { pageStyle, RecordPage } from './RecordPage.tsx';

/**
 * Starts the printable decision record (record.html?case=<id>): signs in as the other pages do, reads the
 * record (the service decides who may see it) and shows it ready to print.
 */
export async function startRecord(root: Root, getHost: () => Promise<AuthHost>) {
  const status = (text: string) =>
    root.render(
      <main className="record">
        <p role="status">{text}</p>
      </main>,
    );
  status('Signing in…');
  try {
    const caseId = new URL(location.href).searchParams.get('case');
    if (!caseId)
      throw new ApiError('notFound', 'Open a case’s record from its card or the meeting’s case list.');
    const host = await getHost();
    const { origin } = new URL(location.href);
    const { token, directory } = await connect(host, origin);
    status('Loading the record…');
    const record = await createReportsApi(origin, token).record(caseId);
    document.title = `Decision record: ${record.case} – ${record.partnership.id}`;
    const style = document.createElement('style');
    style.textContent = pageStyle(`${record.partnership.id} – ${record.partnership.name}`);
    document.head.append(style);
    root.render(
      <main>
        <p className="screen-only">
          <button type="button" onClick={() => window.print()}>
            Print this record
          </button>
        </p>
        <RecordPage record={record} directory={directory} />
      </main>,
    );
  } catch (error) {
    root.render(
      <main className="record">
        <h1>Decision record</h1>
        <p role="alert">{messageOf(error)}</p>
      </main>,
    );
  }
}
