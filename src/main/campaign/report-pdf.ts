// The campaign report as PDF (A4 portrait): jsPDF with the print feature's embedded Noto Sans
// (Identity-H), so Vietnamese stays real, searchable text; tables break across pages.
import { jsPDF } from 'jspdf';
import { FONT_FAMILY, sheetFonts } from '../print/fonts';
import type { Block, Cell, ReportContent } from './report-content';
import { figureSizeMm, type MapFigure } from './map-figure';

const W = 210;
const H = 297;
const M = 15;
const TEXT_W = W - 2 * M;
const LINE = 4.2; // mm per line at 9 pt

export function reportPdf(c: ReportContent, figure: MapFigure | null): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  const fonts = sheetFonts();
  doc.addFileToVFS('NotoSans-Regular.ttf', fonts.normal);
  doc.addFileToVFS('NotoSans-Bold.ttf', fonts.bold);
  doc.addFont('NotoSans-Regular.ttf', FONT_FAMILY, 'normal', 'Identity-H');
  doc.addFont('NotoSans-Bold.ttf', FONT_FAMILY, 'bold', 'Identity-H');
  const title = c.blocks.find((b) => b.kind === 'title');
  doc.setProperties({ title: title && title.kind === 'title' ? title.lines.join(' – ') : 'Báo cáo', creator: 'QuyTap' });
  let y = M;
  const font = (bold: boolean, size: number) => {
    doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
    doc.setFontSize(size);
  };
  const room = (h: number) => {
    if (y + h > H - M) {
      doc.addPage();
      y = M;
    }
  };
  const lines = (text: string, w: number): string[] => doc.splitTextToSize(text, w) as string[];

  // The header: organisation left, the national motto right (as official documents print them).
  font(true, 9);
  const hl = c.header.left.length;
  c.header.left.forEach((l, i) => {
    font(i === hl - 1, 9);
    doc.text(l, M + 40, y + i * LINE, { align: 'center' });
  });
  c.header.right.forEach((l, i) => {
    font(true, 9);
    doc.text(l, W - M - 45, y + i * LINE, { align: 'center' });
  });
  y += Math.max(hl, c.header.right.length) * LINE + 2;

  c.blocks.forEach((b, i) => {
    // A heading stays with the figure that follows it.
    if (b.kind === 'heading' && c.blocks[i + 1]?.kind === 'figure' && figure) room(14 + figureSizeMm(figure, TEXT_W).h + 10);
    drawBlock(b);
  });
  return new Uint8Array(doc.output('arraybuffer'));

  function drawBlock(b: Block): void {
    switch (b.kind) {
      // y is the top of the next block: a line of text moves it down first, then sits on its baseline.
      case 'title':
        b.lines.forEach((t, i) => {
          font(i === 0, i === 0 ? 13 : 10);
          for (const l of lines(t, TEXT_W)) {
            const h = i === 0 ? 6 : LINE + 0.6;
            room(h);
            y += h;
            doc.text(l, W / 2, y - 1.2, { align: 'center' });
          }
        });
        y += 3;
        return;
      case 'heading':
        font(true, 10);
        room(14);
        y += 2 + LINE + 0.6;
        doc.text(b.text, M, y - 1.2);
        y += 1.5;
        return;
      case 'para': {
        font(false, b.italic ? 8 : 9);
        const h = b.italic ? LINE - 0.4 : LINE;
        for (const l of lines(b.text, TEXT_W)) {
          room(h);
          y += h;
          doc.text(l, M, y - 1);
        }
        y += 1.5;
        return;
      }
      case 'table':
        drawTable(b.widths, b.head, b.rows);
        y += 2;
        return;
      case 'figure': {
        if (!figure) return;
        const { w, h } = figureSizeMm(figure, TEXT_W);
        room(h + 10);
        y += 1;
        const x = M + (TEXT_W - w) / 2;
        doc.addImage(figure.png, 'PNG', x, y, w, h);
        doc.setDrawColor(0);
        doc.rect(x, y, w, h);
        y += h + 1;
        font(false, 8);
        for (const l of lines(`${b.caption}; tỷ lệ tờ in 1:${figure.scale.toLocaleString('vi-VN')}.`, TEXT_W)) {
          y += LINE - 0.4;
          doc.text(l, W / 2, y - 1, { align: 'center' });
        }
        y += 2;
        return;
      }
      case 'chart': {
        const rowH = 5;
        const labelW = 45;
        const barW = TEXT_W - labelW - 22;
        room(b.bars.length * rowH + 14);
        font(false, 8);
        y += 1;
        const top = y;
        for (const bar of b.bars) {
          doc.setTextColor(0, 0, 0);
          doc.text(lines(bar.label, labelW - 2)[0] ?? '', M + labelW - 2, y + rowH - 1.4, { align: 'right' });
          const w = bar.percent === null ? 0.8 : (Math.min(100, bar.percent) / 100) * barW;
          const [r, g, bl] = bar.percent === null ? [200, 205, 212] : bar.under ? [192, 0, 0] : [58, 154, 74];
          doc.setFillColor(r, g, bl);
          doc.rect(M + labelW, y + 0.8, Math.max(w, 0.8), rowH - 1.6, 'F');
          if (bar.under && bar.percent !== null) doc.setTextColor(192, 0, 0);
          doc.text(bar.percent === null ? '—' : `${bar.percent.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`, Math.max(M + labelW + Math.max(w, 0.8), M + labelW + (b.target / 100) * barW) + 1.5, y + rowH - 1.4);
          doc.setTextColor(0, 0, 0);
          y += rowH;
        }
        const tx = M + labelW + (b.target / 100) * barW;
        doc.setDrawColor(0);
        doc.setLineDashPattern([1, 0.8], 0);
        doc.line(tx, top, tx, y + 1);
        doc.setLineDashPattern([], 0);
        doc.line(M + labelW, top, M + labelW, y + 1);
        y += 1;
        font(false, 7.5);
        for (const l of lines(b.caption, TEXT_W)) {
          y += LINE - 0.6;
          doc.text(l, M, y - 1);
        }
        y += 2;
        return;
      }
      case 'signatures':
        room(34);
        y += 4 + LINE;
        font(false, 9);
        doc.text(b.placeDate, W - M - 45, y, { align: 'center' });
        y += LINE + 1;
        font(true, 9);
        doc.text(b.left, M + 40, y, { align: 'center' });
        doc.text(b.right, W - M - 45, y, { align: 'center' });
        y += 25;
        return;
    }
  }

  function drawTable(widths: number[], head: string[], rows: Cell[][]): void {
    const total = widths.reduce((s, w) => s + w, 0);
    const ws = widths.map((w) => (w / total) * TEXT_W);
    const size = 7.5;
    const lh = 3.3;
    const row = (cells: Cell[], isHead: boolean) => {
      const texts = cells.map((cell, i) => {
        font(isHead || !!cell.bold, size);
        return lines(cell.text, ws[i]! - 2);
      });
      const h = Math.max(...texts.map((t) => t.length)) * lh + 1.6;
      room(h);
      let x = M;
      cells.forEach((cell, i) => {
        const w = ws[i]!;
        doc.setDrawColor(0);
        doc.rect(x, y, w, h);
        font(isHead || !!cell.bold, size);
        if (cell.red) doc.setTextColor(192, 0, 0);
        const align = isHead ? 'center' : (cell.align ?? 'left');
        const tx = align === 'right' ? x + w - 1 : align === 'center' ? x + w / 2 : x + 1;
        texts[i]!.forEach((l, k) => doc.text(l, tx, y + 0.9 + lh * (k + 0.78), { align }));
        doc.setTextColor(0, 0, 0);
        x += w;
      });
      y += h;
    };
    row(
      head.map((text) => ({ text })),
      true,
    );
    for (const r of rows) row(r, false);
  }
}
