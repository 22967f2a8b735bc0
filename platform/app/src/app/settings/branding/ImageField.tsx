"use client";

import { Button, Field } from "@omnify/ui";
import type { ImageDraft } from "./draft";
import { readImage } from "./draft";

type Props = {
  id: string;
  label: string;
  hint: string;
  accept: string;
  maxBytes: number;
  value: ImageDraft;
  error?: string | undefined;
  onChange: (next: ImageDraft) => void;
  onLocalError: (message: string | null) => void;
};

/**
 * A file picker with a thumbnail of the current or picked image. The size check here is
 * only early feedback; the server sniffs the bytes and enforces type and size.
 */
export function ImageField(props: Props) {
  const url = props.value.state === "remove" ? null : props.value.url;
  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > props.maxBytes) {
      props.onLocalError(
        `${props.label}: the file is ${Math.round(file.size / 1024)} KB; the limit is ${Math.round(props.maxBytes / 1024)} KB`,
      );
    } else {
      props.onLocalError(null);
    }
    const { url: dataUrl, base64 } = await readImage(file);
    props.onChange({ state: "upload", url: dataUrl, base64, name: file.name });
  }
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <div className="omnify-stack">
          {url && (
            // biome-ignore lint/performance/noImgElement: a data: URL or a content-hashed asset; nothing for next/image to optimise
            <img className="omnify-brand-thumb" src={url} alt={`${props.label} preview`} />
          )}
          <input
            {...control}
            type="file"
            name={props.id}
            accept={props.accept}
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
          {url && (
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => props.onChange({ state: "remove" })}
            >
              Remove {props.label.toLowerCase()}
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}
