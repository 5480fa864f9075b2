import { makeStyles, tokens } from '@fluentui/react-components';

/** The page's layout: sections and forms as columns, with room between them. */
export const useAdminStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'stretch' },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  start: { alignSelf: 'flex-start' },
});
