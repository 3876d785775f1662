/** The PDF renderer's internals: Flying Saucer templating, fonts and QR codes. */
package vn.congso.pdf.internal;
