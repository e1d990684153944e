/**
 * A chart as a PNG: the Recharts SVG, serialised with its computed colours (its strokes are CSS
 * variables, which mean nothing outside the page), under a title and a legend, on the theme's
 * background, drawn to a canvas at twice the size for sharp slides.
 */

/** Presentation properties copied from the page's computed style onto every cloned element. */
const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'visibility',
] as const;

const SCALE = 2;
const PAD = 16;
const TITLE_SIZE = 18;
const TEXT_SIZE = 13;
const HEAD = 78;

/** Copy each element's computed presentation onto its clone (the two trees have the same shape). */
function inlineStyles(source: Element, clone: Element): void {
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const target = to[i] as SVGElement;
    for (const p of PROPS) target.style.setProperty(p, cs.getPropertyValue(p));
  });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The chart's legend items (swatch and label) laid out in a row, as SVG markup. */
function legendMarkup(figure: Element, y: number, font: string, color: string): string {
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `${TEXT_SIZE}px ${font}`;
  let x = PAD;
  const parts: string[] = [];
  for (const item of figure.querySelectorAll('.legend-item')) {
    const swatch = item.querySelector('svg');
    const label = item.textContent?.trim() ?? '';
    if (swatch) {
      const clone = swatch.cloneNode(true) as SVGSVGElement;
      inlineStyles(swatch, clone);
      // The drawing's own size (presenter mode shows swatches zoomed).
      const size = { width: swatch.width.baseVal.value, height: swatch.height.baseVal.value };
      clone.setAttribute('x', String(x));
      clone.setAttribute('y', String(y - 4 - size.height / 2));
      parts.push(new XMLSerializer().serializeToString(clone));
      x += size.width + 6;
    }
    parts.push(`<text x="${x}" y="${y}" font-size="${TEXT_SIZE}" fill="${color}">${escapeXml(label)}</text>`);
    x += (measure?.measureText(label).width ?? label.length * 7) + 20;
  }
  return parts.join('');
}

/** Render the chart in `figure` (one of the page's chart figures) to a PNG. */
export async function chartPng(figure: HTMLElement, title: string, subtitle: string): Promise<Blob> {
  const svg = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('the chart has not been drawn yet');
  // The drawing's own size: in presenter mode the chart is shown scaled, its SVG is not.
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const style = getComputedStyle(figure);
  const font = style.fontFamily;
  const text = style.color;
  const muted = getComputedStyle(figure.querySelector('.chart-sub') ?? figure).color;
  const plot = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, plot);
  plot.setAttribute('x', '0');
  plot.setAttribute('y', String(HEAD));
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `600 ${TITLE_SIZE}px ${font}`;
  const titleWidth = measure?.measureText(title).width ?? title.length * 10;
  const total = { w: Math.ceil(Math.max(width, titleWidth + 2 * PAD)), h: HEAD + height + 8 };
  const markup = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total.w}" height="${total.h}" font-family="${escapeXml(font)}">`,
    `<rect width="100%" height="100%" fill="${style.backgroundColor}"/>`,
    `<text x="${PAD}" y="${PAD + TITLE_SIZE - 2}" font-size="${TITLE_SIZE}" font-weight="600" fill="${text}">${escapeXml(title)}</text>`,
    `<text x="${PAD}" y="${PAD + TITLE_SIZE + 20}" font-size="${TEXT_SIZE}" fill="${muted}">${escapeXml(subtitle)}</text>`,
    legendMarkup(figure, PAD + TITLE_SIZE + 42, font, muted),
    new XMLSerializer().serializeToString(plot),
    '</svg>',
  ].join('');
  return rasterise(markup, total.w, total.h);
}

async function rasterise(markup: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * SCALE);
    canvas.height = Math.round(height * SCALE);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw to a canvas');
    ctx.scale(SCALE, SCALE);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
