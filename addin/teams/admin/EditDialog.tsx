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
 * A dialog's action that closes it when it succeeds: `busy` while it runs, so its button cannot be pressed twice.
 * Also gives the focus back when the dialog goes.
 */
function useClosingAction(action: () => Promise<boolean>, onClose: () => void) {
  useFocusBack();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      if (await action()) onClose();
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/** Problems that belong to no field, above a dialog's buttons. */
function Problems({ problems }: { problems: readonly string[] }) {
  return problems.length > 0 ? (
    <MessageBar intent="error">
      <MessageBarBody>{problems.join(' ')}</MessageBarBody>
    </MessageBar>
  ) : null;
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
  const saving = useClosingAction(onSave, onClose);
  function submit(event: React.FormEvent) {
    event.preventDefault();
    void saving.run();
  }
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              <Problems problems={otherProblems} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving.busy}>
                {saving.busy ? 'Saving…' : saveLabel}
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
  const removing = useClosingAction(onConfirm, onClose);
  return (
    <Dialog modalType="alert" open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Are you sure?</DialogTitle>
          <DialogContent>
            {question}
            <Problems problems={problems} />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={removing.busy} onClick={() => void removing.run()}>
              {removing.busy ? 'Removing…' : 'Remove'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
