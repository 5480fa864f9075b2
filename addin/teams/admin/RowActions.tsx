import { Button } from '@fluentui/react-components';

/**
 * A table row's Edit and Remove buttons, named for the row. When the person may not change the list, the
 * buttons stay focusable (so a keyboard user finds them) and point at the sentence that says why.
 */
export function RowActions({
  name,
  onEdit,
  onRemove,
  whyNot,
}: {
  name: string;
  onEdit: () => void;
  onRemove?: () => void;
  /** The id of the text saying why the row cannot be changed, when it cannot. */
  whyNot?: string;
}) {
  const locked = whyNot !== undefined;
  const lockedProps = locked ? { disabledFocusable: true, 'aria-describedby': whyNot } : {};
  return (
    <>
      <Button size="small" aria-label={`Edit ${name}`} onClick={onEdit} {...lockedProps}>
        Edit
      </Button>
      {onRemove && (
        <Button size="small" aria-label={`Remove ${name}`} onClick={onRemove} {...lockedProps}>
          Remove
        </Button>
      )}
    </>
  );
}
