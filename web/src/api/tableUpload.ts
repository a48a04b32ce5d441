import { useCallback, useState } from 'react';
import { ApiError, toApiError, type Parser } from './client.ts';
import { uploadFile } from './upload.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the server expects for a chosen spreadsheet file. */
export const tableTypeOf = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv');

/**
 * Uploads a CSV/XLSX with progress. A 400 `validation_failed` whose details parse as the report
 * is the per-row answer of an all-or-nothing import, not a failed call.
 */
export function useTableUpload<R>(parser: Parser<R>, onSaved?: () => void | Promise<void>) {
  const [progress, setProgress] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reset = useCallback(() => {
    setResult(null);
    setError(null);
    setProgress(null);
  }, []);

  const run = useCallback(
    async (url: string, file: File, dryRun: boolean) => {
      reset();
      setRunning(true);
      setProgress(0);
      try {
        const res = await uploadFile(url, file, tableTypeOf(file), setProgress);
        if (res.status === 200 || res.status === 201) {
          setResult(parser.parse(res.body));
          if (!dryRun) await onSaved?.();
          return;
        }
        const err = toApiError(url, res.status, res.body);
        let report: R | null = null;
        try {
          report = err.code === 'validation_failed' ? parser.parse(err.details) : null;
        } catch {
          report = null;
        }
        if (report) setResult(report);
        else setError(err);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'bad_response', String(e)));
      } finally {
        setRunning(false);
      }
    },
    [parser, onSaved, reset],
  );

  return { run, reset, progress, running, result, error };
}
