import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDocuments, escapeHtml, renderPdf, chromiumPath, pdfRendersRunning, PDF_CONCURRENCY } from './documents.js';
import { assertNotBlank, keepTestOutput, pdfPageCount, pdfText, pdfToPng, svgToPng } from '../../test/render.js';

afterAll(async () => closeDocuments());

// A red square as an inline picture: data: URLs are not requests, so they show.
const RED_DOT = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#c00"/></svg>').toString('base64')}`;

const page = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
  body { font-family: sans-serif; margin: 2cm; } h1 { color: #1d3557; } .bande { background: #e63946; height: 2cm; }
</style></head><body>${body}</body></html>`;

describe.skipIf(!existsSync(chromiumPath()))('renderPdf', () => {
  it('renders a French HTML page to an A4 PDF that is not blank', async () => {
    const html = page(`<h1>Attestation d'accompagnement</h1><p>${escapeHtml("L'association « Les Jardins d'Été » & ses bénévoles")}</p>
      <div class="bande"></div><img src="${RED_DOT}" alt="">`);
    const pdf = await renderPdf(html);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfText(pdf)).toContain("L'association « Les Jardins d'Été » & ses bénévoles");
    const png = await pdfToPng(pdf);
    await keepTestOutput('documents/attestation.pdf', pdf);
    await keepTestOutput('documents/attestation.png', png);
    assertNotBlank(png);
    const landscape = await pdfToPng(await renderPdf(html, { landscape: true }));
    expect(landscape.readUInt32BE(16)).toBeGreaterThan(landscape.readUInt32BE(20)); // PNG header: width > height
  });

  it('runs no JavaScript and fetches nothing', async () => {
    let hits = 0;
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const pdf = await renderPdf(
        page(`<p id="t">sans script</p><script>document.getElementById('t').textContent = 'SCRIPT EXÉCUTÉ'</script>
          <img src="http://127.0.0.1:${port}/pixel.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">`),
      );
      expect(pdfText(pdf)).toContain('sans script');
      expect(pdfText(pdf)).not.toContain('SCRIPT');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('renders several documents at once within the cap, and again after the browser was closed', async () => {
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, pdfRendersRunning())), 5);
    const pdfs = await Promise.all([1, 2, 3, 4, 5].map((i) => renderPdf(page(`<h1>Document ${i}</h1>`)))).finally(() => clearInterval(watch));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(PDF_CONCURRENCY);
    pdfs.forEach((pdf, i) => expect(pdfText(pdf)).toContain(`Document ${i + 1}`));
    await closeDocuments();
    expect(pdfText(await renderPdf(page('<h1>Après fermeture</h1>')))).toContain('Après fermeture');
  });
});

describe('renderPdf without Chromium', () => {
  it('answers SERVICE_UNAVAILABLE with a French message', async () => {
    await closeDocuments();
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const error = (await renderPdf('<p>x</p>').catch((e: unknown) => e)) as { extensions: { code: string }; message: string };
      expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).toMatch(/^La génération de PDF est indisponible/);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});

describe('rendering helpers', () => {
  it('tells a blank picture from a drawn one', async () => {
    expect(() => assertNotBlank(Buffer.from([]))).toThrow();
    const blank = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>');
    expect(() => assertNotBlank(blank)).toThrow(/blank/);
    assertNotBlank(await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="30" fill="#1d3557"/></svg>'));
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">l'été & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;');
  });
});
