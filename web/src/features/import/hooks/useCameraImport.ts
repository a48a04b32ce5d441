import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { cameraImportResultSchema, type CameraImportResult } from '@pantau/shared';
import { ApiError, toApiError } from '../../../api/client.ts';
import { keys } from '../../../api/keys.ts';
import { uploadFile } from '../../../api/upload.ts';

export interface ImportOutcome {
  dryRun: boolean;
  result: CameraImportResult;
}

/**
 * Uploads a camera CSV with progress. A 400 `validation_failed` is not a failure of the call:
 * its details are the per-row report, and the server has written nothing.
 */
export function useCameraImport() {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reset = useCallback(() => {
    setOutcome(null);
    setError(null);
    setProgress(null);
  }, []);

  const run = useCallback(
    async (file: File, dryRun: boolean) => {
      reset();
      setRunning(dryRun ? 'check' : 'import');
      setProgress(0);
      const url = `/api/cameras/import?dryRun=${dryRun}`;
      try {
        const res = await uploadFile(url, file, 'text/csv', setProgress);
        if (res.status === 200) {
          setOutcome({ dryRun, result: cameraImportResultSchema.parse(res.body) });
          if (!dryRun) await qc.invalidateQueries({ queryKey: keys.cameras });
          return;
        }
        const err = toApiError(url, res.status, res.body);
        const report = err.code === 'validation_failed' ? cameraImportResultSchema.safeParse(err.details) : null;
        if (report?.success) setOutcome({ dryRun, result: report.data });
        else setError(err);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'bad_response', String(e)));
      } finally {
        setRunning(null);
      }
    },
    [qc, reset],
  );

  return { run, reset, progress, running, outcome, error };
}
