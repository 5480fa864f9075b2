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
import { useState } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A form in a modal dialog: focus goes to its first field, Escape or Cancel closes it, and Save runs `onSave`,
 * which says whether to close. Problems with no field of their own are shown above the buttons.
 */
export function EditDialog({
  title,
  open,
  onClose,
  onSave,
  otherProblems = [],
  saveLabel = 'Save',
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Resolves true when saved. */
  onSave: () => Promise<boolean>;
  otherProblems?: string[];
  saveLabel?: string;
  children: React.ReactNode;
}) {
  const styles = useStyles();
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
    <Dialog open={open} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
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
  open,
  question,
  problems,
  onConfirm,
  onClose,
}: {
  open: boolean;
  question: string;
  /** Why the last attempt failed. */
  problems: string[];
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}) {
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
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
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
