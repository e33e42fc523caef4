// The campaign report as an editable Word document (.docx, through the `docx` library): the same
// blocks as the PDF, in Times New Roman as Vietnamese administrative documents are typed, so the
// commune or the district can finish the wording and sign it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Cell, ReportContent } from './report-content';
import { figureSizeMm, type MapFigure } from './map-figure';

const FONT = 'Times New Roman';
const TEXT_WIDTH_PX = 620; // A4 portrait less 2 cm margins, at 96 px per inch
const RED = 'C00000';

const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number; red?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size, color: o.red ? RED : undefined, font: FONT });

const para = (children: ParagraphChild[], align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT, after = 80) =>
  new Paragraph({ children, alignment: align, spacing: { after } });

function cellAlign(c: Cell, head: boolean) {
  if (head || c.align === 'center') return AlignmentType.CENTER;
  return c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

function table(widths: number[], head: string[], rows: Cell[][]): Table {
  const total = widths.reduce((s, w) => s + w, 0);
  const pct = widths.map((w) => Math.round((w / total) * 5000)); // fiftieths of a percent
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const tr = (cells: Cell[], isHead: boolean) =>
    new TableRow({
      tableHeader: isHead,
      children: cells.map(
        (c, i) =>
          new TableCell({
            borders,
            width: { size: pct[i]!, type: WidthType.PERCENTAGE },
            children: [para([run(c.text, { bold: isHead || c.bold, size: 20, red: c.red })], cellAlign(c, isHead), 0)],
          }),
      ),
    });
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    rows: [
      tr(
        head.map((text) => ({ text })),
        true,
      ),
      ...rows.map((r) => tr(r, false)),
    ],
  });
}

/** Coverage bars as a table: a shaded cell as wide as the percentage (Word and LibreOffice draw it alike). */
function chart(b: Extract<Block, { kind: 'chart' }>): Table {
  const barCell = (percent: number | null, under: boolean) => {
    const p = percent === null ? 0 : Math.max(0, Math.min(100, percent));
    const fill = percent === null ? 'C8CDD4' : under ? RED : '3A9A4A';
    const cells = [new TableCell({ width: { size: Math.max(1, Math.round(p * 50)), type: WidthType.PERCENTAGE }, shading: { fill, color: 'auto', type: ShadingType.CLEAR }, borders: noBorders, children: [para([], AlignmentType.LEFT, 0)] })];
    if (p < 100) cells.push(new TableCell({ width: { size: Math.round((100 - p) * 50), type: WidthType.PERCENTAGE }, borders: noBorders, children: [para([], AlignmentType.LEFT, 0)] }));
    return new Table({ width: { size: 5000, type: WidthType.PERCENTAGE }, borders: noBorders, rows: [new TableRow({ children: cells })] });
  };
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: b.bars.map(
      (bar) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 1400, type: WidthType.PERCENTAGE }, borders: noBorders, children: [para([run(bar.label, { size: 20 })], AlignmentType.RIGHT, 0)] }),
            new TableCell({ width: { size: 2900, type: WidthType.PERCENTAGE }, borders: noBorders, children: [barCell(bar.percent, bar.under)] }),
            new TableCell({
              width: { size: 700, type: WidthType.PERCENTAGE },
              borders: noBorders,
              children: [para([run(bar.percent === null ? '—' : `${bar.percent.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`, { size: 20, red: bar.under && bar.percent !== null })], AlignmentType.LEFT, 0)],
            }),
          ],
        }),
    ),
  });
}

function blockOut(b: Block, figure: MapFigure | null): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return b.lines.map((l, i) => para([run(l, { bold: i === 0, size: i === 0 ? 28 : 26 })], AlignmentType.CENTER, i === b.lines.length - 1 ? 200 : 40));
    case 'heading':
      return [new Paragraph({ children: [run(b.text, { bold: true, size: 26 })], spacing: { before: 200, after: 100 } })];
    case 'para':
      return [para([run(b.text, { italic: b.italic, size: b.italic ? 22 : 26 })], AlignmentType.JUSTIFIED, 120)];
    case 'table':
      return [table(b.widths, b.head, b.rows), para([], AlignmentType.LEFT, 60)];
    case 'figure': {
      if (!figure) return [];
      // Pixels at 96 per inch: the same size on the page as the PDF's figure.
      const mm = figureSizeMm(figure, (TEXT_WIDTH_PX * 25.4) / 96);
      const [w, h] = [Math.round((mm.w * 96) / 25.4), Math.round((mm.h * 96) / 25.4)];
      return [
        para([new ImageRun({ type: 'png', data: figure.png, transformation: { width: w, height: h }, altText: { name: 'Bản đồ', title: 'Bản đồ', description: b.caption } })], AlignmentType.CENTER, 60),
        para([run(`${b.caption}; tỷ lệ tờ in 1:${figure.scale.toLocaleString('vi-VN')}.`, { italic: true, size: 22 })], AlignmentType.CENTER, 200),
      ];
    }
    case 'chart':
      return [chart(b), para([run(b.caption, { italic: true, size: 22 })], AlignmentType.LEFT, 160)];
    case 'signatures':
      return [
        para([run(b.placeDate, { italic: true })], AlignmentType.RIGHT, 120),
        new Table({
          width: { size: 5000, type: WidthType.PERCENTAGE },
          borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
          rows: [
            new TableRow({
              children: [b.left, b.right].map(
                (t) => new TableCell({ width: { size: 2500, type: WidthType.PERCENTAGE }, children: [para([run(t, { bold: true })], AlignmentType.CENTER, 1400)] }),
              ),
            }),
          ],
        }),
      ];
  }
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

export async function reportDocx(c: ReportContent, figure: MapFigure | null): Promise<Uint8Array> {
  const header = new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [c.header.left, c.header.right].map(
          (lines) =>
            new TableCell({
              width: { size: 2500, type: WidthType.PERCENTAGE },
              children: lines.length ? lines.map((l, i) => para([run(l, { bold: i === lines.length - 1 || lines === c.header.right, size: 24 })], AlignmentType.CENTER, 0)) : [para([])],
            }),
        ),
      }),
    ],
  });
  const doc = new Document({
    creator: 'QuyTap',
    title: c.blocks[0]?.kind === 'title' ? c.blocks[0].lines.join(' – ') : 'Báo cáo',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 851 } } },
        children: [header, para([], AlignmentType.LEFT, 200), ...c.blocks.flatMap((b) => blockOut(b, figure))],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
