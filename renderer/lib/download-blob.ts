// Saving a file from the page: the diagram's SVG and PNG (features/teardown), a connection's pcapng
// and HAR (features/export). An <a download> on a blob: URL works in the web host's browser and in
// Electron alike, with no round trip to a server.

/** Saves a blob as a file through an <a download> on a blob: URL (no server round trip). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; the delay only spares a slow browser.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
