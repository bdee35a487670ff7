/**
 * Downloads one of the API's CSV exports (`/export/*.csv`). A plain link cannot carry the bearer
 * token, so the file is fetched with it and handed to the browser as a Blob.
 */
export async function downloadCsv(pathAndQuery: string, fileName: string, token: string): Promise<void> {
  const response = await fetch(pathAndQuery, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(await describeFailure(response));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

async function describeFailure(response: Response): Promise<string> {
  const text = await response.text();
  try {
    // The export endpoints answer `{ error: { code, message, field } }`; Nest's own 404 `{ message }`.
    const body = JSON.parse(text) as { error?: { code?: string; message?: string }; message?: string | string[] };
    const message = body.error?.message ? `${body.error.code ?? ''} ${body.error.message}`.trim() : body.message;
    if (message) return `${response.status}: ${Array.isArray(message) ? message.join('; ') : message}`;
  } catch {
    /* not JSON: use the text */
  }
  return `${response.status}: ${text.slice(0, 200) || response.statusText}`;
}
