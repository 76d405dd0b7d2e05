/**
 * Rasterises an SVG document to a PNG: the SVG goes into an <img> through a blob: URL (allowed by
 * the page's CSP, `img-src 'self' data: blob:`), is drawn on a canvas and encoded. An SVG without
 * external references does not taint the canvas, so this works with and without hosting headers.
 */

/** Browsers refuse canvases larger than about this many pixels per side. */
const MAX_SIDE_PX = 16_000;

export async function svgToPng(svg: string, widthPx: number, heightPx: number, scale = 2): Promise<Blob> {
  const fit = Math.min(scale, MAX_SIDE_PX / widthPx, MAX_SIDE_PX / heightPx);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image(widthPx, heightPx);
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(widthPx * fit));
    canvas.height = Math.max(1, Math.round(heightPx * fit));
    const ctx = canvas.getContext("2d");
    if (ctx === null) throw new Error("no 2D canvas");
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error("PNG encoding failed")) : resolve(blob)), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
