/**
 * What the pane needs once it is connected, requested the moment the page starts. main.tsx imports this module
 * first, so these downloads overlap the evaluation of React and Fluent UI, Office's start-up and the service's
 * answer instead of following them.
 */
export const appModule = import('./App.tsx');
export const directoryModule = import('../../../src/directory/directory.ts');
