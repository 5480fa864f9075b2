import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Gives the focus back to what had it when a dialog opened (the button that opened it), when the dialog goes.
 * The dialogs here are mounted while open, so this is taken as the dialog first renders, before it moves focus.
 */
function useFocusBack() {
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
}

/**
 * A form in a modal dialog: focus goes to its first field, Escape or Cancel closes it (and the focus goes back), and Save runs `onSave`,
 * which says whether to close. Problems with no field of their own are shown above the buttons.
 */
export function EditDialog({
  title,
  onClose,
  onSave,
  otherProblems = [],
  saveLabel = 'Save',
  children,
}: {
  title: string;
  onClose: () => void;
  /** Resolves true when saved. */
  onSave: () => Promise<boolean>;
  otherProblems?: string[];
  saveLabel?: string;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  useFocusBack();
  const [saving, setSaving] = useState(false);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      if (await onSave()) onClose();
    } finally {
      setSaving(false);
    }
  }
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              {otherProblems.length > 0 && (
                <MessageBar intent="error">
                  <MessageBarBody>{otherProblems.join(' ')}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving}>
                {saving ? 'Saving…' : saveLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** Asks before anyone is removed; the safe choice, Cancel, has the focus. */
export function ConfirmRemove({
  question,
  problems,
  onConfirm,
  onClose,
}: {
  question: string;
  /** Why the last attempt failed. */
  problems: string[];
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
  useFocusBack();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      if (await onConfirm()) onClose();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog modalType="alert" open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Are you sure?</DialogTitle>
          <DialogContent>
            {question}
            {problems.length > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>{problems.join(' ')}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Removing…' : 'Remove'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
