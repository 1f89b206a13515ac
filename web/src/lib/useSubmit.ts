// Sending a form the one way every form in the console does: busy while the call runs, the last
// error cleared first, the API's field errors under the fields they name (showOnFields) and any
// other failure kept for a ProblemAlert above the form.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { showOnFields } from './problem';

export function useSubmit(form?: FormInstance) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  /** Runs send; true when it succeeded, false when its error is shown. */
  const submit = useCallback(
    async (send: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(undefined);
      try {
        await send();
        return true;
      } catch (err) {
        if (!form || !showOnFields(form, err)) setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [form],
  );
  return { busy, error, setError, submit };
}
