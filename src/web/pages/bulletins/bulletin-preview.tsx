/** An A4-proportioned preview of the bulletin in the official layout, also used by the print view. */
import type { CSSProperties } from 'react';
import type { Bulletin } from '../../api/reports';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const SONG = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif';
const FANGSONG = '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif';
const HEITI = '"SimHei", "黑体", "Noto Sans CJK SC", sans-serif';

/** Page of 210 × 297 mm with margins of 37/26/35/28 mm as in GB/T 9704, scaled to `width` px. */
export function BulletinPreview({ bulletin, width = 595 }: { bulletin: Pick<Bulletin, 'issueNumber' | 'date' | 'title' | 'sections' | 'signedBy'>; width?: number }) {
  const mm = width / 210;
  const page: CSSProperties = {
    width,
    minHeight: 297 * mm,
    padding: `${37 * mm}px ${26 * mm}px ${35 * mm}px ${28 * mm}px`,
    background: '#fff',
    boxShadow: '0 1px 6px rgba(0,0,0,.25)',
    fontFamily: FANGSONG,
    // 3号 (16 pt, 5.64 mm) body at 22 lines per page: a line pitch of about 10.2 mm.
    fontSize: 5.64 * mm,
    lineHeight: 1.8,
    color: '#000',
    boxSizing: 'border-box',
  };
  const [year, month, day] = bulletin.date.split('-').map(Number);
  return (
    <div style={page} data-testid="bulletin-preview">
      <div style={{ textAlign: 'center', color: '#e00', fontFamily: SONG, fontSize: 14 * mm, letterSpacing: '0.3em', fontWeight: 700 }}>司法要情</div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 * mm }}>
        <span>第{bulletin.issueNumber}期</span>
        <span>{bulletin.signedBy ? `签发人：${bulletin.signedBy}` : ''}</span>
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', borderBottom: '2px solid #e00', paddingBottom: 2 * mm }}>
        <span>海口市司法局指挥中心编</span>
        <span>{year}年{month}月{day}日</span>
      </div>
      <div style={{ textAlign: 'center', fontFamily: SONG, fontSize: 7.76 * mm, fontWeight: 700, margin: `${10 * mm}px 0 ${6 * mm}px` }}>{bulletin.title}</div>
      {bulletin.sections.length === 0 && <p style={{ textIndent: '2em', margin: 0 }}>当日各单位均无事报平安，无要情信息。</p>}
      {bulletin.sections.map((section, sectionIndex) => (
        <div key={section.category}>
          <div style={{ fontFamily: HEITI, textIndent: '2em' }}>{NUMERALS[sectionIndex]}、{section.heading}</div>
          {section.items.map((item, itemIndex) => (
            <div key={`${item.itemId ?? ''}-${itemIndex}`}>
              <div style={{ textIndent: '2em' }}>（{NUMERALS[itemIndex] ?? itemIndex + 1}）{item.title}</div>
              <p style={{ textIndent: '2em', margin: 0 }}>{item.content}（{item.unitName}报送）</p>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
