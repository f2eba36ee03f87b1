// qrcode's encoder on its own: qr.ts draws the modules itself, so the package's renderers (and the PNG library
// they load) stay out of the documents bundle and its import time.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
