// A chart card as a PNG, drawn in the page: the caption, the legend's swatches (Plot draws them
// as HTML) and the chart's SVG rendered to a canvas. The SVG is serialised with its computed
// styles inlined, because style.css does not reach an SVG drawn as an image.

// The presentation properties the charts' stylesheets set.
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin',
  'stroke-dasharray', 'opacity', 'paint-order', 'font-family', 'font-size', 'font-weight', 'font-style',
  'font-variant-numeric', 'text-anchor', 'dominant-baseline', 'visibility',
];
const SCALE = 2;  // pixels per CSS pixel, for a sharp image on any screen
const PAD = 12;

function inlineStyles(original: Element, copy: Element): void {
  const computed = getComputedStyle(original);
  const style = (copy as SVGElement).style;
  for (const name of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(name);
    if (value) style.setProperty(name, value);
  }
  for (let k = 0; k < original.children.length; ++k) inlineStyles(original.children[k], copy.children[k]);
}

function svgImage(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const text = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  return new Promise((resolve, reject) => {
    image.onload = () => resolve({ image, width: box.width, height: box.height });
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  });
}

// The caption as shown: a picker inside it counts as its chosen option, not all of them.
function captionText(caption: Element | null): string {
  if (!caption) return '';
  let text = '';
  caption.childNodes.forEach((node) => {
    if (node instanceof HTMLSelectElement) text += node.selectedOptions[0]?.textContent ?? node.value;
    else if (!(node instanceof HTMLButtonElement)) text += node.textContent ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

interface Swatch { color: string; label: string }

// Plot's swatch legends: a small SVG filled with the colour next to its label.
function swatches(chart: HTMLElement): Swatch[] {
  return [...chart.querySelectorAll('svg')]
    .filter((svg) => svg.getBoundingClientRect().width <= 20)
    .map((svg) => ({ color: svg.getAttribute('fill') ?? getComputedStyle(svg).fill,
                     label: svg.parentElement?.textContent?.trim() ?? '' }));
}

export async function chartPng(card: HTMLElement, chart: HTMLElement): Promise<Blob> {
  const svgs = [...chart.querySelectorAll('svg')].filter((svg) => svg.getBoundingClientRect().width > 20);
  if (!svgs.length) throw new Error('this chart has nothing drawn to save');
  const images = await Promise.all(svgs.map(svgImage));
  const caption = captionText(card.querySelector('figcaption'));
  const legend = swatches(chart);
  const width = Math.ceil(Math.max(...images.map((i) => i.width)) + 2 * PAD);
  const captionHeight = caption ? 24 : 0;
  const legendHeight = legend.length ? 22 : 0;
  const height = Math.ceil(PAD + captionHeight + legendHeight + images.reduce((h, i) => h + i.height, 0) + PAD);

  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.scale(SCALE, SCALE);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  const font = getComputedStyle(document.documentElement).fontFamily;
  let y = PAD;
  context.fillStyle = '#1d2733';
  context.textBaseline = 'top';
  if (caption) {
    context.font = `600 14px ${font}`;
    context.fillText(caption, PAD, y, width - 2 * PAD);
    y += captionHeight;
  }
  if (legend.length) {
    context.font = `12px ${font}`;
    let x = PAD;
    for (const s of legend) {
      context.fillStyle = s.color;
      context.fillRect(x, y, 12, 12);
      context.fillStyle = '#1d2733';
      context.fillText(s.label, x + 17, y);
      x += 17 + context.measureText(s.label).width + 16;
    }
    y += legendHeight;
  }
  for (const i of images) {
    context.drawImage(i.image, PAD, y, i.width, i.height);
    y += i.height;
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png');
  });
}
