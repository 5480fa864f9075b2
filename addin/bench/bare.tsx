// The baseline for the task pane's size: a bare React + Fluent UI v9 page, built the same way (`webpack --env bare`).
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Ready</Button>
  </FluentProvider>,
);
