export type Uploaded = {
  key: string;
  size: number;
  contentType: string;
  sha256: string;
  width?: number;
  height?: number;
  durationMs?: number;
};

/**
 * Sends a file to the portal's upload route for this plugin (XHR, for a progress bar). The
 * route sniffs and measures the bytes; its refusal (`{ error: { field, message } }`) rejects
 * with the message.
 */
export function uploadFile(
  pluginId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/plugins/${encodeURIComponent(pluginId)}/uploads`);
    xhr.setRequestHeader("x-omnify-csrf", "1");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string } } & Uploaded;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body?.error?.message ?? `Upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("Upload failed: the network is unreachable"));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}
