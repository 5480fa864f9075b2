import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';

/**
 * The frame of every page, and what a page shows until the rest has loaded. It is part of the task pane's first
 * paint, so it takes a plain style rather than makeStyles: every Fluent component here ships its styles
 * precompiled, and one makeStyles call would bring Griffel's style compiler (about 10 KiB gzipped) with it.
 */
const pane = {
  padding: tokens.spacingHorizontalM,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
} as const;

/** A page's frame: its title as the heading, above what it shows. */
export function Shell({ children, title }: { children: React.ReactNode; title: string }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={pane}>
        <Text as="h1" size={500} weight="semibold">
          {title}
        </Text>
        {children}
      </main>
    </FluentProvider>
  );
}

/** Shown instead of a blank pane when the add-in cannot start. */
export function StartupProblem({ message, title }: { message: string; title: string }) {
  return (
    <Shell title={title}>
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The add-in cannot start</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </Shell>
  );
}
