import type { Directory } from '../../../src/directory/directory.ts';
import { actionProgressLabels, ownerLabel } from '../../../src/plans/actionPlan.ts';
import { formatIsoDate as longDate } from '../../../src/text/dates.ts';
import { recordTime, type DecisionRecord } from '../../../src/records/decisionRecord.ts';

/**
 * A case's decision record as a printable document (the partnership agreement, 10.1): everything in the record,
 * in plain HTML so that it prints as it reads. React escapes every value; the print stylesheet (record.html and
 * `pageStyle`) puts the partnership's name, "Confidential" and the page number on every page.
 */

const who = (name: string | null) => name ?? 'the service';
const when = (iso: string | null) => (iso ? recordTime(iso) : 'not recorded');
/** A meeting date (YYYY-MM-DD) in words. */
const day = (iso: string | null) => (iso ? longDate(iso) : 'not recorded');

/** A CSS string of any text: every character but letters, digits and spaces as an escape, so nothing breaks out. */
export const cssString = (text: string) =>
  `"${[...text].map((char) => (/[\p{L}\p{N} ]/u.test(char) ? char : `\\${char.codePointAt(0)?.toString(16)} `)).join('')}"`;

/** The @page rules naming the partnership on every printed page (the rest is in record.html). */
export const pageStyle = (partnership: string) =>
  `@page { @top-left { content: ${cssString(partnership)}; } }`;

export function RecordPage({ record, directory }: { record: DecisionRecord; directory: Directory }) {
  return (
    <article className="record">
      <header>
        <p className="confidential">Confidential</p>
        <h1>Decision record: {record.case}</h1>
        <dl className="facts">
          <dt>Partnership</dt>
          <dd>{`${record.partnership.id} – ${record.partnership.name}`}</dd>
          <dt>School</dt>
          <dd>{record.school}</dd>
          <dt>Meeting</dt>
          <dd>
            {record.meeting.type ?? 'Not recorded'}
            {record.meeting.date ? `, ${day(record.meeting.date)}` : ''}
          </dd>
          <dt>Case</dt>
          <dd>
            {record.anonymous ? `${record.case} (no consent to share the student’s details)` : record.case}
          </dd>
          <dt>Flow</dt>
          <dd>{`${record.flow.id}, version ${record.flow.version}`}</dd>
          <dt>Section</dt>
          <dd>{record.section}</dd>
          <dt>Started</dt>
          <dd>{`${when(record.startedAt)} by ${who(record.startedBy)}`}</dd>
          {record.withdrawnAt ? (
            <>
              <dt>Withdrawn</dt>
              <dd>{when(record.withdrawnAt)}</dd>
            </>
          ) : null}
          {record.legalHold ? (
            <>
              <dt>Legal hold</dt>
              <dd>{`Since ${when(record.legalHold.since)}${record.legalHold.reason ? `: ${record.legalHold.reason}` : ''}`}</dd>
            </>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="answers">
        <h2 id="answers">Answers</h2>
        {record.answers.length === 0 ? (
          <p>No question has been answered.</p>
        ) : (
          <table>
            <caption>Every answer in the order given, changes included</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">By and when</th>
              </tr>
            </thead>
            <tbody>
              {record.answers.map((answer, index) => (
                <tr key={index}>
                  <th scope="row">{answer.question}</th>
                  <td>
                    {answer.answer}
                    {answer.previous !== null ? (
                      <span className="change"> (changed; the previous answer was {answer.previous})</span>
                    ) : null}
                    {answer.byVote ? <span className="note"> (the panel’s vote)</span> : null}
                    {answer.fromDirectory ? <span className="note"> (from the directory)</span> : null}
                  </td>
                  <td>{`${who(answer.by)}, ${when(answer.at)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="votes">
        <h2 id="votes">Votes</h2>
        {record.votes.length === 0 ? <p>No vote was held.</p> : null}
        {record.votes.map((vote, index) => (
          <section key={index} className="vote" aria-label={`Vote ${index + 1}: ${vote.question}`}>
            <h3>{`Vote ${index + 1}: ${vote.question}`}</h3>
            <p>
              {vote.anonymous ? 'Anonymous vote. ' : 'Named vote. '}
              {vote.status === 'closed' ? 'Closed' : 'Open'}
              {vote.result !== null ? `; result: ${vote.result}` : '; no result'}
              {vote.castingDecision ? ' (by the chair’s casting decision, the vote being tied)' : ''}.
            </p>
            <table>
              <caption>{`Tally of vote ${index + 1}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Choice</th>
                  <th scope="col">Votes</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(vote.tally).map(([option, count]) => (
                  <tr key={option}>
                    <th scope="row">{option}</th>
                    <td>{count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {vote.anonymous ? (
              <p>Who voted what is not recorded: the vote was anonymous.</p>
            ) : vote.voters.length > 0 ? (
              <table>
                <caption>{`Voters of vote ${index + 1}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Voter</th>
                    <th scope="col">Choice</th>
                  </tr>
                </thead>
                <tbody>
                  {vote.voters.map((voter) => (
                    <tr key={voter.name}>
                      <th scope="row">{voter.name}</th>
                      <td>{voter.choice}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {vote.dissented.length > 0 ? <p>{`Dissented: ${vote.dissented.join(', ')}.`}</p> : null}
            {vote.recused.length > 0 ? (
              <p>{`Recused: ${vote.recused.map((member) => `${member.name} (${member.reason})`).join('; ')}.`}</p>
            ) : null}
          </section>
        ))}
      </section>

      <section aria-labelledby="outcome">
        <h2 id="outcome">Outcome</h2>
        {record.outcome ? (
          <>
            <p className="outcome">{record.outcome.label}</p>
            <h3>Our actions</h3>
            <ul>
              {record.outcome.actions.map((action, index) => (
                <li key={index}>{action}</li>
              ))}
            </ul>
            {record.outcome.cityExpectation ? (
              <>
                <h3>What to expect</h3>
                <p>{record.outcome.cityExpectation}</p>
              </>
            ) : null}
          </>
        ) : (
          <p>Not decided yet.</p>
        )}
        <h3>Core Group outcome</h3>
        <p>{record.coreGroupOutcome ?? 'None: the case was not put to the Core Group.'}</p>
      </section>

      <section aria-labelledby="plans">
        <h2 id="plans">Action plans</h2>
        {record.actionPlans.length === 0 ? <p>No action plan was written.</p> : null}
        {record.actionPlans.map((stored) => (
          <section key={stored.version} className="plan" aria-label={`Action plan version ${stored.version}`}>
            <h3>{`Version ${stored.version}, saved ${when(stored.savedAt)} by ${who(stored.savedBy)}`}</h3>
            {stored.plan.advice ? <p className="advice">{stored.plan.advice}</p> : null}
            {stored.plan.actions.length > 0 ? (
              <table>
                <caption>{`Agreed actions of version ${stored.version}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    <th scope="col">Who</th>
                    <th scope="col">By</th>
                    {stored.review ? <th scope="col">At the review</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {stored.plan.actions.map((action, index) => {
                    const reviewed = stored.review?.actions[index];
                    return (
                      <tr key={index}>
                        <th scope="row">{action.action}</th>
                        <td>{ownerLabel(directory, action.owner)}</td>
                        <td>{longDate(action.by)}</td>
                        {stored.review ? (
                          <td>
                            {reviewed ? actionProgressLabels[reviewed.progress] : ''}
                            {reviewed?.note ? `: ${reviewed.note}` : ''}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            <p>{`Review date: ${longDate(stored.plan.reviewDate)}.`}</p>
            {stored.review ? (
              <p>{`Reviewed ${when(stored.review.at)} by ${who(stored.review.by)}: ${stored.review.outcomeLabel}.`}</p>
            ) : (
              <p>Not reviewed.</p>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="emails">
        <h2 id="emails">Emails drafted</h2>
        {record.emails.length === 0 ? (
          <p>No email was drafted.</p>
        ) : (
          <ul>
            {record.emails.map((email, index) => (
              <li
                key={index}
              >{`${email.title}, to ${email.to}: drafted ${when(email.at)} by ${who(email.by)}`}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="history">
          {record.history.map((entry, index) => (
            <li key={index}>{`${when(entry.at)}, ${who(entry.by)}: ${entry.text}`}</li>
          ))}
        </ol>
      </section>
    </article>
  );
}
