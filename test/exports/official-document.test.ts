import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  buildOfficialDocument,
  DocumentSpecError,
  type OfficialDocumentSpec,
} from '../../src/server/exports/official-document.js';
import { commandExists, countWideCharacters, POINTS_PER_MM, readPdfLines, run, type PdfLine } from './pdf-layout.js';
import { sampleBulletin, sampleParagraphs } from './sample-bulletin.js';

const RENDER_SCRIPT = join(import.meta.dirname, '../../scripts/render-docx.sh');
const RENDER_TOOLS = ['libreoffice', 'pdftotext', 'pdfinfo', 'pdffonts', 'zip', 'unzip'];
const missingTools = RENDER_TOOLS.filter((tool) => !commandExists(tool));
const inCi = process.env.CI === 'true';

if (missingTools.length > 0) {
  const message = `Word export rendering tests SKIPPED: ${missingTools.join(', ')} not found; run .ci/install-system-deps.sh as root.`;
  process.stderr.write(`\n\n!!!!!!!! ${message} !!!!!!!!\n\n`);
}

async function expectSpecError(spec: OfficialDocumentSpec, field: string, message: RegExp): Promise<void> {
  const error: unknown = await buildOfficialDocument(spec).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DocumentSpecError);
  expect((error as DocumentSpecError).field).toBe(field);
  expect((error as DocumentSpecError).message).toMatch(message);
}

describe('buildOfficialDocument spec checks', () => {
  const minimal: OfficialDocumentSpec = { title: '关于值班工作的通报', blocks: [{ kind: 'paragraph', text: '正文。' }] };

  it('rejects an empty title', async () => {
    await expectSpecError({ ...minimal, title: '  ' }, 'title', /标题（title）不能为空/);
  });

  it('rejects an empty body', async () => {
    await expectSpecError({ ...minimal, blocks: [] }, 'blocks', /正文（blocks）为空/);
  });

  it('rejects a heading with its own number', async () => {
    await expectSpecError(
      { ...minimal, blocks: [{ kind: 'heading1', text: '一、基本情况' }] },
      'blocks[0].text',
      /已带序号.*自动编排/,
    );
  });

  it('rejects a table row of the wrong width', async () => {
    const table = { kind: 'table' as const, columns: ['职务', '姓名'], rows: [['值班长', '李明'], ['值班员']] };
    await expectSpecError({ ...minimal, blocks: [minimal.blocks[0]!, table] }, 'blocks[1].rows[1]', /第2行有1个单元格，应与列数2一致/);
  });

  it('rejects column widths that do not match', async () => {
    const table = { kind: 'table' as const, columns: ['职务', '姓名'], rows: [], columnWidths: [1, 0] };
    await expectSpecError({ ...minimal, blocks: [table] }, 'blocks[0].columnWidths', /必须都是正数/);
  });

  it('rejects an invalid signature date', async () => {
    await expectSpecError(
      { ...minimal, signature: { organ: '海口市司法局', date: '2026-02-30' } },
      '成文日期（signature.date）',
      /不是有效的日期/,
    );
  });

  it('rejects a print date without the printing unit', async () => {
    await expectSpecError({ ...minimal, footer: { printedDate: '2026-12-04' } }, 'footer.printedBy', /印发机关/);
  });

  it('builds a minimal document', async () => {
    const buffer = await buildOfficialDocument(minimal);

    // A .docx is a ZIP archive: it starts with the local file header "PK\x03\x04".
    expect(buffer.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });
});

describe('official document XML', () => {
  let workDir: string;
  let documentXml: string;
  let stylesXml: string;
  let settingsXml: string;
  let footerXmls: string[];

  beforeAll(async () => {
    if (!commandExists('unzip')) {
      throw new Error('unzip not found; run .ci/install-system-deps.sh as root');
    }
    workDir = mkdtempSync(join(tmpdir(), 'zhiban-official-document-'));
    const docxPath = join(workDir, 'bulletin.docx');
    writeFileSync(docxPath, await buildOfficialDocument(sampleBulletin));

    documentXml = run('unzip', ['-p', docxPath, 'word/document.xml']);
    stylesXml = run('unzip', ['-p', docxPath, 'word/styles.xml']);
    settingsXml = run('unzip', ['-p', docxPath, 'word/settings.xml']);
    footerXmls = ['word/footer1.xml', 'word/footer2.xml'].map((path) => run('unzip', ['-p', docxPath, path]));
  });

  it('uses an A4 page', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('sets the standard margins in twips', () => {
    // 37, 26, 35 and 28 mm at 1440/25.4 twips per mm.
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('sets 3号 仿宋_GB2312 with exact 28.95 pt lines as the default', () => {
    expect(stylesXml).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>.*<\/w:docDefaults>/s);
    expect(stylesXml).toMatch(/<w:pPrDefault><w:pPr>.*<w:spacing[^>]*w:line="579" w:lineRule="exact"/);
  });

  it('sets the title in 2号 方正小标宋简体', () => {
    const titleRun = runContaining(documentXml, sampleBulletin.title);

    expect(titleRun).toContain('w:eastAsia="方正小标宋简体"');
    expect(titleRun).toContain('<w:sz w:val="44"/>');
  });

  it('sets the body in 3号 仿宋_GB2312 narrowed to 28 characters a line', () => {
    const bodyRun = runContaining(documentXml, sampleParagraphs[0]!);

    expect(bodyRun).toContain('w:eastAsia="仿宋_GB2312"');
    expect(bodyRun).toContain('<w:sz w:val="32"/>');
    expect(bodyRun).toContain('<w:spacing w:val="-5"/>');
  });

  it('numbers headings in 黑体 and 楷体', () => {
    expect(runContaining(documentXml, '一、总体情况')).toContain('w:eastAsia="黑体"');
    expect(runContaining(documentXml, '二、重点场所安全稳定情况')).toContain('w:eastAsia="黑体"');
    expect(runContaining(documentXml, '（一）强制隔离戒毒所')).toContain('w:eastAsia="楷体_GB2312"');
    expect(runContaining(documentXml, '（二）社区矫正')).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('draws the red header', () => {
    const headerRun = runContaining(documentXml, '司法要情');

    expect(headerRun).toContain('<w:color w:val="FF0000"/>');
    expect(headerRun).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(documentXml).toContain('第238期');
    expect(documentXml).toContain('2026年12月4日');
  });

  it('turns off hanging punctuation', () => {
    expect(documentXml).toContain('<w:overflowPunct w:val="false"/>');
    expect(documentXml).not.toMatch(/<w:overflowPunct\/>/);
  });

  it('puts page numbers at the outer edge', () => {
    expect(settingsXml).toContain('<w:evenAndOddHeaders/>');
    expect(documentXml).toMatch(/<w:footerReference w:type="default"/);
    expect(documentXml).toMatch(/<w:footerReference w:type="even"/);
    for (const footerXml of footerXmls) {
      expect(footerXml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footerXml).toContain('— </w:t>');
      expect(footerXml).toContain(' —</w:t>');
      expect(footerXml).toContain('w:eastAsia="宋体"');
      expect(footerXml).toContain('<w:sz w:val="28"/>');
    }
    const alignments = footerXmls.map((footerXml) => /<w:jc w:val="(\w+)"\/>/.exec(footerXml)?.[1]).sort();
    expect(alignments).toEqual(['left', 'right']);
  });

  it('writes signature, attachments and closing notes', () => {
    expect(documentXml).toContain('附件：1．12月3日要情信息采用情况统计表');
    expect(documentXml).toContain('2．12月3日夜查情况登记表');
    expect(documentXml).toContain('抄送：省司法厅指挥中心，市委政法委。');
    expect(documentXml).toContain('2026年12月4日印发');
  });
});

describe('formal document XML', () => {
  const notice: OfficialDocumentSpec = {
    header: { title: '海口市司法局指挥中心文件', issueNumber: '海司指〔2026〕12号', issuer: '王建国' },
    title: '关于2026年11月要情信息报送\n采用情况的通报',
    recipient: '各区司法局、局属各单位',
    blocks: [
      { kind: 'heading1', text: '总体情况' },
      { kind: 'heading2', text: '按时报送情况' },
      { kind: 'heading3', text: '零报告执行情况' },
      { kind: 'heading3', text: '续报执行情况' },
      { kind: 'heading1', text: '存在问题' },
      { kind: 'heading2', text: '迟报情况' },
      { kind: 'paragraph', text: '各单位均严格执行零报告制度。' },
    ],
  };
  let documentXml: string;

  beforeAll(async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'zhiban-official-notice-'));
    const docxPath = join(workDir, 'notice.docx');
    writeFileSync(docxPath, await buildOfficialDocument(notice));
    documentXml = run('unzip', ['-p', docxPath, 'word/document.xml']);
  });

  it('sets the issuer name in 楷体 after 签发人', () => {
    expect(runContaining(documentXml, '签发人：')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runContaining(documentXml, '王建国')).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('shrinks a long header name to one line', () => {
    const size = Number(/<w:sz w:val="(\d+)"\/>/.exec(runContaining(documentXml, '海口市司法局指挥中心文件'))?.[1]);

    // 12 characters of 初号 (42 pt) would need 504 pt; the text block is 442 pt wide.
    expect(size).toBeLessThan(84);
    expect((size / 2) * 12).toBeLessThanOrEqual(442);
  });

  it('splits the title into centered lines', () => {
    expect(runContaining(documentXml, '关于2026年11月要情信息报送')).toContain('<w:sz w:val="44"/>');
    expect(runContaining(documentXml, '采用情况的通报')).toContain('<w:sz w:val="44"/>');
  });

  it('ends the recipient line with a full-width colon', () => {
    expect(documentXml).toContain('各区司法局、局属各单位：</w:t>');
  });

  it('restarts heading numbers under each parent', () => {
    const headingTexts = ['一、总体情况', '（一）按时报送情况', '1.零报告执行情况', '2.续报执行情况', '二、存在问题', '（一）迟报情况'];
    for (const text of headingTexts) {
      expect(documentXml).toContain(`>${text}</w:t>`);
    }
  });
});

describe.skipIf(missingTools.length > 0 && !inCi)('rendered bulletin (LibreOffice)', () => {
  let pdfPath: string;
  let lines: PdfLine[];
  let plainText: string;

  beforeAll(async () => {
    if (missingTools.length > 0) {
      throw new Error(`CI requires ${missingTools.join(', ')} to render Word exports; run .ci/install-system-deps.sh`);
    }
    const workDir = mkdtempSync(join(tmpdir(), 'zhiban-official-render-'));
    const docxPath = join(workDir, 'bulletin.docx');
    writeFileSync(docxPath, await buildOfficialDocument(sampleBulletin));
    mkdirSync(join(workDir, 'out'));

    pdfPath = run(RENDER_SCRIPT, ['--no-png', docxPath, join(workDir, 'out')]).trim();
    lines = readPdfLines(pdfPath);
    plainText = run('pdftotext', [pdfPath, '-']);
  });

  /** Lines of page 2, a page of body text only, without the page number. */
  function bodyPageLines(): PdfLine[] {
    return lines.filter((line) => line.page === 2 && !/^—\d+—$/.test(line.text));
  }

  it('renders A4 pages', () => {
    const info = run('pdfinfo', [pdfPath]);

    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('embeds a CJK font', () => {
    const fonts = run('pdffonts', [pdfPath]);
    const cjkFonts = fonts.split('\n').filter((line) => /CJK/.test(line));

    expect(cjkFonts.length).toBeGreaterThan(0);
    for (const font of cjkFonts) {
      // Columns: name type encoding emb sub uni object-id generation.
      expect(font.trim().split(/\s+/).at(-5)).toBe('yes');
    }
    expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/);
    expect(fonts).toMatch(/NotoSansCJK/);
  });

  it('keeps every character of the body', () => {
    const rendered = plainText.replace(/\s+/g, '');

    for (const paragraph of sampleParagraphs) {
      expect(rendered).toContain(paragraph.replace(/\s+/g, ''));
    }
  });

  it('starts the text block at 28 mm from the left', () => {
    const left = Math.min(...bodyPageLines().map((line) => line.xMin)) / POINTS_PER_MM;

    expect(left).toBeGreaterThan(26);
    expect(left).toBeLessThan(30);
  });

  it('ends the text block at 26 mm from the right', () => {
    const right = Math.max(...bodyPageLines().map((line) => line.xMax)) / POINTS_PER_MM;

    expect(right).toBeGreaterThan(210 - 26 - 2);
    expect(right).toBeLessThanOrEqual(210 - 26 + 0.5);
  });

  it('starts the text block at 37 mm from the top', () => {
    const top = Math.min(...bodyPageLines().map((line) => line.yMin)) / POINTS_PER_MM;

    expect(top).toBeGreaterThan(34);
    expect(top).toBeLessThan(40);
  });

  it('sets 22 lines on a full page', () => {
    const pageLines = bodyPageLines().sort((a, b) => a.yMin - b.yMin);
    const pitch = ((pageLines.at(-1)?.yMin ?? 0) - (pageLines[0]?.yMin ?? 0)) / (pageLines.length - 1);

    expect(pageLines).toHaveLength(22);
    expect(pitch).toBeCloseTo(28.95, 1);
  });

  it('sets at most 28 characters a line', () => {
    const counts = lines.map((line) => countWideCharacters(line.text));

    expect(Math.max(...counts)).toBe(28);
  });

  it('puts odd page numbers right and even ones left', () => {
    const pageNumbers = lines.filter((line) => /^—\d+—$/.test(line.text));
    const first = pageNumbers.find((line) => line.page === 1);
    const second = pageNumbers.find((line) => line.page === 2);

    expect(first?.text).toBe('—1—');
    expect(second?.text).toBe('—2—');
    expect((first?.xMin ?? 0) / POINTS_PER_MM).toBeGreaterThan(150);
    expect((second?.xMax ?? 0) / POINTS_PER_MM).toBeLessThan(60);
    // The page number's top is 7 mm below the text block, 28 mm above the page edge.
    const top = (first?.yMin ?? 0) / POINTS_PER_MM;
    expect(top).toBeGreaterThan(297 - 28 - 2);
    expect(top).toBeLessThan(297 - 28 + 2);
  });

  it('aligns the signature block as GB/T 9704 asks', () => {
    const lastPage = Math.max(...lines.map((line) => line.page));
    const organ = lines.find(
      (line) => line.page === lastPage && line.text === '海口市司法局指挥中心' && line.xMin / POINTS_PER_MM > 105,
    );
    const date = lines.find((line) => line.page === lastPage && line.text === '2026年12月4日');
    // One body character is 16 pt narrowed by 0.25 pt.
    const characterMm = 15.75 / POINTS_PER_MM;

    expect(organ).toBeDefined();
    expect(date).toBeDefined();
    // The organ ends two characters from the right edge of the text block.
    expect(Math.abs(210 - 26 - organ!.xMax / POINTS_PER_MM - 2 * characterMm)).toBeLessThan(1);
    // The date starts two characters to the right of the organ's first character.
    // The export estimates the width of the proportional digits, hence 1.5 mm.
    expect(Math.abs((date!.xMin - organ!.xMin) / POINTS_PER_MM - 2 * characterMm)).toBeLessThan(1.5);
  });

  it('puts the red header above the title', () => {
    const header = lines.find((line) => line.page === 1 && line.text === '司法要情');
    const title = lines.find((line) => line.page === 1 && line.text === sampleBulletin.title);

    expect(header).toBeDefined();
    expect(title).toBeDefined();
    expect(header!.yMax).toBeLessThan(title!.yMin);
  });
});

/** Finds the XML of the first run (w:r) whose text contains `text`. */
function runContaining(xml: string, text: string): string {
  const runs = xml.match(/<w:r>.*?<\/w:r>/gs) ?? [];
  const found = runs.find((run) => run.includes(`>${text}`) || run.includes(text));
  if (!found) {
    throw new Error(`no run contains ${JSON.stringify(text)}`);
  }
  return found;
}
