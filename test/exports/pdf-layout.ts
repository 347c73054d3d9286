import { execFileSync, spawnSync } from 'node:child_process';

/** Points per millimetre (PDF user space is 1/72 inch). */
export const POINTS_PER_MM = 72 / 25.4;

export interface PdfLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * Text lines of a PDF with their boxes in points (origin top left), from
 * `pdftotext -bbox-layout`; a line's text is its words joined without spaces.
 */
export function readPdfLines(pdfPath: string): PdfLine[] {
  const html = run('pdftotext', ['-bbox-layout', pdfPath, '-']);
  const lines: PdfLine[] = [];
  const pages = html.split(/<page /).slice(1);

  pages.forEach((pageHtml, pageIndex) => {
    const linePattern = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (const match of pageHtml.matchAll(linePattern)) {
      const words = [...(match[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => decodeEntities(word[1] ?? ''));
      lines.push({
        page: pageIndex + 1,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: words.join(''),
      });
    }
  });
  return lines;
}

/** Full-width characters: CJK ideographs, CJK and full-width punctuation. */
export function countWideCharacters(text: string): number {
  return [...text].filter((character) => /[\u2e80-\u9fff\uff00-\uffef]/u.test(character)).length;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
