import qrcode from 'qrcode-generator';

/**
 * A QR code as an SVG path, drawn by Svelte (qrcode-generator computes the
 * modules). Error correction M: a phone reads it from a projector; links up to
 * about 2,300 bytes fit. Null when the text is too long for any QR code.
 */
export interface QrShape {
  /** Modules per side, with the quiet zone. */
  readonly size: number;
  /** One square per dark module, in module units. */
  readonly path: string;
}

export const QR_MARGIN = 4;

export function qrShape(text: string): QrShape | null {
  try {
    const qr = qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    let path = '';
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + QR_MARGIN} ${r + QR_MARGIN}h1v1h-1z`;
    }
    return { size: n + 2 * QR_MARGIN, path };
  } catch {
    // Too long for the largest QR code.
    return null;
  }
}
