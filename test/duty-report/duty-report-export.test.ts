import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandExists, POINTS_PER_MM, readPdfLines, run, type PdfLine } from '../exports/pdf-layout.js';
import { createTestApp, type TestApp } from '../support/app.js';

const RENDER_SCRIPT = join(import.meta.dirname, '../../scripts/render-docx.sh');
const missingTools = ['libreoffice', 'pdftotext', 'pdfinfo', 'pdffonts', 'zip', 'unzip'].filter((tool) => !commandExists(tool));

describe.skipIf(missingTools.length > 0)('duty report Word rendering', () => {
  let t: TestApp;
  let pdfPath: string;
  let lines: PdfLine[];
  const date = '2026-03-09';

  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: '2026-03-10T07:30:00+08:00' });
    const officer = await t.login('officer');
    const draft = (await t.request('GET', `/api/duty-reports/${date}`, { cookie: officer })).json();
    // A long key-information section so the report runs to a second page of body text.
    const long = Array.from({ length: 14 }, (_, index) => `${index + 1}. 各区司法局按要求落实值班值守制度，值班人员在岗在位，未发现脱岗、睡岗等问题，指挥中心继续加强视频巡查。`).join('\n');
    const sections = (draft.sections as { key: string; text: string }[]).map(({ key, text }) => ({ key, text: key === 'keyItems' ? long : text }));
    expect((await t.request('PUT', `/api/duty-reports/${date}`, { cookie: officer, body: { sections } })).statusCode).toBe(200);

    const response = await t.request('GET', `/api/duty-reports/${date}/export.docx`, { cookie: officer });
    expect(response.statusCode).toBe(200);
    const workDir = mkdtempSync(join(tmpdir(), 'zhiban-duty-report-'));
    const docxPath = join(workDir, 'duty-report.docx');
    writeFileSync(docxPath, response.rawPayload);
    mkdirSync(join(workDir, 'out'));
    pdfPath = run(RENDER_SCRIPT, ['--no-png', docxPath, join(workDir, 'out')]).trim();
    lines = readPdfLines(pdfPath);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('renders on A4', () => {
    expect(run('pdfinfo', [pdfPath])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('embeds CJK fonts', () => {
    const fonts = run('pdffonts', [pdfPath]);
    expect(fonts).toMatch(/CJK/);
  });

  it('shows the title, staff and signature', () => {
    const text = lines.map((line) => line.text).join('\n');
    expect(text).toContain('值班报告');
    expect(text).toContain('值班指挥长');
    expect(text).toContain('各单位报送情况');
    expect(text).toMatch(/值班长（签字）：/);
  });

  it('keeps the official margins', () => {
    const body = lines.filter((line) => line.page === 2 && !/^—\d+—$/.test(line.text));
    expect(body.length).toBeGreaterThan(5);
    const left = Math.min(...body.map((line) => line.xMin)) / POINTS_PER_MM;
    const right = Math.max(...body.map((line) => line.xMax)) / POINTS_PER_MM;
    const top = Math.min(...body.map((line) => line.yMin)) / POINTS_PER_MM;
    expect(left).toBeGreaterThan(26);
    expect(left).toBeLessThan(30);
    expect(right).toBeLessThanOrEqual(210 - 26 + 0.5);
    expect(top).toBeGreaterThan(35);
    expect(top).toBeLessThan(40);
  });
});
