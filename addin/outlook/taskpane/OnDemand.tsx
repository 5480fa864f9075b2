import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';

/**
 * Around a part of the pane that loads when it is first needed (React.lazy): a spinner while it loads, and a
 * message rather than a blank pane if it cannot (the connection dropped, say).
 */
export class OnDemand extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed)
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            This part of the add-in could not be shown. Check your connection, then close the add-in and open
            it again.
          </MessageBarBody>
        </MessageBar>
      );
    return <Suspense fallback={<Spinner size="small" label="Loading…" />}>{this.props.children}</Suspense>;
  }
}
