// A Y4M video (what Chromium's fake camera plays) of a QR code, drawn by the same encoder as the manifest PDF's.
import { writeFileSync } from 'node:fs';
import { qrMatrix } from '#shared/documents/qr.ts';

export function writeQrVideo(path: string, payload: string, size = 480) {
  const m = qrMatrix(payload);
  const modules = m.size + 8; // the 4-module quiet zone on each side
  const scale = Math.floor(size / modules);
  const offset = Math.floor((size - m.size * scale) / 2);
  const y = Buffer.alloc(size * size, 235); // white (video range)
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (!m.dark(r, c)) continue;
      for (let dy = 0; dy < scale; dy++)
        y.fill(
          16,
          (offset + r * scale + dy) * size + offset + c * scale,
          (offset + r * scale + dy) * size + offset + (c + 1) * scale,
        );
    }
  }
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128); // no colour
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]),
  );
}
