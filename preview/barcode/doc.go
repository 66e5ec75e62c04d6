// Package barcode draws product codes as a scanner and a printer need them:
// EAN-13 and EAN-8 symbols (EAN) and the GS1 Digital Link QR Code of a
// GTIN (DigitalLink), as SVG text or PNG bytes, with a report of every
// problem with the code or the options.
//
// boombuler/barcode supplies the module patterns; the layout is ours: quiet
// zones inside the image, guard bars 5X longer than the data bars, the
// human-readable digits in glyphs of our own (so no image depends on the
// viewer's fonts), the light-margin indicators. Codes are checked by
// package schema's rules before anything is drawn, and a code is drawn
// exactly as given, never completed or re-read.
package barcode
