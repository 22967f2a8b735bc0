import { useState } from "react";
import { s } from "./styles.ts";
import { type Uploaded, uploadFile } from "./upload.ts";

/** A file input that uploads at once, shows progress, and reports the stored object. */
export function FileField({
  pluginId,
  label,
  accept,
  onUploaded,
  testId,
}: {
  pluginId: string;
  label: string;
  accept: string;
  onUploaded: (o: Uploaded, file: File) => void;
  testId: string;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <label style={s.label}>
      {label}
      <input
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setError(null);
          setProgress(0);
          try {
            onUploaded(await uploadFile(pluginId, file, setProgress), file);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setProgress(null);
          }
        }}
      />
      {progress !== null && (
        <progress value={progress} max={1} aria-label={`Uploading ${label}`}>
          {Math.round(progress * 100)}%
        </progress>
      )}
      {error && (
        <span role="alert" style={s.error}>
          {error}
        </span>
      )}
    </label>
  );
}
