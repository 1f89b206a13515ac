// Files that openapi-fetch cannot carry: a CSV upload with its progress, and a download of an
// export (CSV, XLSX) saved through a link. Both go with the session cookie and, for writes, the
// same CSRF header as every other call; a refusal becomes the same ApiError.
import { ApiError, cookie, type ProblemBody } from './client';

function problemOf(status: number, text: string, statusText: string): ProblemBody {
  try {
    const body = JSON.parse(text) as ProblemBody;
    if (body && typeof body === 'object' && 'detail' in body) return body;
  } catch {
    // Not a problem document: fall through to the status line.
  }
  return { status, detail: statusText || `HTTP ${status}` };
}

/** POSTs `file` as multipart field "file" to /api`path`; `onProgress` hears the percent sent. */
export function uploadFile<T>(path: string, file: Blob, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    const token = cookie('cp_csrf');
    if (token) xhr.setRequestHeader('X-CSRF-Token', decodeURIComponent(token));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(new ApiError(problemOf(xhr.status, xhr.responseText, xhr.statusText)));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, detail: 'network error' }));
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'upload.csv');
    xhr.send(form);
  });
}

/** Saves a Blob under `name` as the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** GETs /api`path` with `query` as a file of media type `accept` and saves it as `name`. */
export async function downloadFile(path: string, query: Record<string, string>, accept: string, name: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api${path}?${new URLSearchParams(query)}`, { credentials: 'same-origin', headers: { accept } });
  } catch (err) {
    throw new ApiError({ status: 0, detail: err instanceof Error ? err.message : String(err) });
  }
  if (!res.ok) throw new ApiError(problemOf(res.status, await res.text(), res.statusText));
  saveBlob(await res.blob(), name);
}
