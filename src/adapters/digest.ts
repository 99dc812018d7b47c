// SHA-256 through Utilities.computeDigest, as lowercase hex. Apps Script returns signed bytes.

export function hexOf(bytes: GoogleAppsScript.Byte[]): string {
  return bytes.map(b => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

export function sha256OfBytes(bytes: GoogleAppsScript.Byte[]): string {
  return hexOf(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes));
}

export function sha256OfText(text: string): string {
  return hexOf(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
  );
}
