import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A list of bordered entries, each with an indented list inside: the Teams pages' way of showing a series of
 * things (the meeting's cases in the side panel, the changes in the Administration page's history).
 */
export const useCardListStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  inner: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
