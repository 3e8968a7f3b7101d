/**
 * The text of a QR code in a photo or screenshot (PNG, JPG), read in the
 * browser with jsQR (loaded when first needed); null when none is found.
 */
export async function readQrImage(file: Blob): Promise<string | null> {
  try {
    const { default: jsQR } = await import('jsqr');
    const bitmap = await createImageBitmap(file);
    // Large photos are scaled down: a QR code needs a few pixels per module, not a phone camera's 12 MP.
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const code = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
    return code?.data ?? null;
  } catch {
    return null;
  }
}
