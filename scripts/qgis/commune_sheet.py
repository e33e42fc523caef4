"""QGIS print layout of a QuyTap commune sheet, for comparing side by side with QuyTap's own PDF.

Run where QGIS (3.22 or later, with its Python) is installed; QuyTap does not need it:

    QT_QPA_PLATFORM=offscreen python3 scripts/qgis/commune_sheet.py PROJECT.gpkg "Nam Đà" OUT.pdf [SCALE]

(on Windows, from the "OSGeo4W Shell": python-qgis scripts\\qgis\\commune_sheet.py ...). SCALE is a
number (10000 = 1:10,000); without it the commune is fitted into the frame and the scale rounded
down to a round number, as QuyTap's "fit" does.

What it makes, on A3 landscape: the map frame (the project's layers from the GeoPackage: search
areas filled by status with the project's own colours from qt_settings.statusFills, else QuyTap's
defaults; graves by kind in QuyTap's colours; administrative boundaries: the commune in force
bold, the province dashed), a metre grid in the project's CRS labelled on all four edges, the
legend, a scale bar, the title and a text box with the commune's statistics counted from the layers
(search areas by status, graves by kind, estimated remains).

To compare (issue 16): print the same commune with QuyTap at the same paper and scale,
    npx tsx src/main/cli.ts print PROJECT.gpkg --commune "Nam Đà" --paper A3 --scale 25000 --out quytap.pdf
    QT_QPA_PLATFORM=offscreen python3 scripts/qgis/commune_sheet.py PROJECT.gpkg "Nam Đà" qgis.pdf 25000
then render both (pdftoppm -r 100 -png) and lay them side by side: the frame's ground extent is the
same (both centre the commune), so boundaries, areas and graves must fall on the same grid lines.
Only rows with deleted = 0 are drawn, as QuyTap shows them.
"""
import json
import os
import sqlite3
import sys
import time

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLayoutExporter,
    QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemMapGrid, QgsLayoutItemScaleBar,
    QgsLayoutPoint, QgsLayoutSize, QgsMarkerSymbol, QgsPrintLayout, QgsProject, QgsRectangle,
    QgsRendererCategory, QgsUnitTypes, QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtGui import QFont

# QuyTap's defaults (src/shared/symbology/classes.ts, symbols.ts); a project may override the fills.
STATUS_FILLS = {'done': '#ffffff', 'continuing': '#ffff99', 'not_started': '#ccff99', 'no_result': '#ffb3b3', 'unclear': '#c6d9f1'}
STATUS_NAMES = {
    'done': 'Khu vực, địa bàn có mộ liệt sĩ đã tìm kiếm, quy tập xong',
    'continuing': 'Đã tìm kiếm, quy tập nhưng chưa hết, cần tiếp tục',
    'not_started': 'Có thông tin mộ liệt sĩ, chưa tổ chức tìm kiếm, quy tập',
    'no_result': 'Đã tìm kiếm, quy tập nhưng chưa có kết quả',
    'unclear': 'Không rõ thông tin (vùng mờ)',
}
GRAVE_KINDS = {'newly_found': ('#e00000', 'Mộ mới phát hiện'), 'family_cared': ('#00b050', 'Mộ liệt sĩ do gia đình quản lý, chăm sóc'), 'unidentified': ('#ffffff', 'Mộ chưa xác định được thông tin')}
PAGE_W, PAGE_H, MARGIN = 420.0, 297.0, 10.0
FRAME = (MARGIN + 14, 32.0, 290.0, 230.0)  # x, y, w, h in mm: the furniture goes in the panel to the right
ROUND = list(range(1000, 10001, 1000)) + list(range(15000, 1000001, 5000))


def usage():
    print(__doc__)
    sys.exit(2)


def project_settings(gpkg):
    con = sqlite3.connect(gpkg)
    try:
        row = con.execute('SELECT json FROM qt_settings WHERE id = 1').fetchone()
        return json.loads(row[0]) if row else {}
    except sqlite3.Error:
        return {}
    finally:
        con.close()


def statistics(gpkg, code):
    con = sqlite3.connect(gpkg)
    try:
        areas = dict(con.execute('SELECT status, count(*) FROM search_areas WHERE deleted = 0 AND commune_code = ? GROUP BY status', (code,)).fetchall())
        graves = dict(con.execute('SELECT kind, count(*) FROM graves WHERE deleted = 0 AND commune_code = ? GROUP BY kind', (code,)).fetchall())
        remains = con.execute('SELECT coalesce(sum(estimated_remains), 0) FROM search_areas WHERE deleted = 0 AND commune_code = ?', (code,)).fetchone()[0]
    finally:
        con.close()
    lines = ['BẢNG THỐNG KÊ', 'Khu vực tìm kiếm:']
    lines += [f'  {STATUS_NAMES.get(k, k)}: {v}' for k, v in sorted(areas.items())]
    lines.append('Mộ liệt sĩ:')
    lines += [f'  {GRAVE_KINDS.get(k, ("", k))[1]}: {v}' for k, v in sorted(graves.items())]
    lines.append(f'Số hài cốt ước tính trong các khu vực: {remains}')
    return '\n'.join(lines)


def layer(gpkg, table, keep, name):
    """The table's rows that `keep` accepts, copied into a memory layer. Not a subset string: QGIS
    3.22 (Debian's) reopens the file for one, and that open fails ("unable to open database file")
    once another layer of the same GeoPackage is loaded, GDAL's own GeoPackages too."""
    src = QgsVectorLayer(f'{gpkg}|layername={table}', name, 'ogr')
    if not src.isValid():
        raise SystemExit(f'Không đọc được lớp {table} / cannot read layer {table}')
    kind = QgsWkbTypes.displayString(src.wkbType())
    lyr = QgsVectorLayer(f'{kind}?crs={src.crs().toWkt()}', name, 'memory')
    lyr.dataProvider().addAttributes(src.fields().toList())
    lyr.updateFields()
    lyr.dataProvider().addFeatures([f for f in src.getFeatures() if keep(f)])
    lyr.updateExtents()
    return lyr


def live(f):
    """Rows QuyTap shows: not deleted."""
    return f['deleted'] in (0, False)


def in_force(f):
    """Administrative units in force today (no end date)."""
    return live(f) and (f['valid_to'] is None or str(f['valid_to']) in ('', 'NULL'))


def categorized(field, cats):
    return QgsCategorizedSymbolRenderer(field, [QgsRendererCategory(v, sym, label) for v, sym, label in cats])


def main():
    if len(sys.argv) not in (4, 5):
        usage()
    gpkg, commune, out = sys.argv[1], sys.argv[2], sys.argv[3]
    scale_arg = float(sys.argv[4]) if len(sys.argv) == 5 else None
    app = QgsApplication([], False)
    app.initQgis()
    t0 = time.time()
    settings = project_settings(gpkg)
    fills = {**STATUS_FILLS, **(settings.get('statusFills') or {})}
    proj = QgsProject.instance()

    admin = layer(gpkg, 'admin_units', in_force, 'Địa giới')
    target = None
    for f in admin.getFeatures():
        if f['level'] == 'commune' and (f['name'] == commune or f['code'] == commune):
            target = f
    if target is None:
        raise SystemExit(f'Không có xã "{commune}" trong dự án / no commune "{commune}" in the project')
    code = target['code']
    admin.setRenderer(categorized('level', [
        ('province', QgsFillSymbol.createSimple({'color': '0,0,0,0', 'outline_color': '#7030a0', 'outline_width': '0.8', 'outline_style': 'dash dot'}), 'Địa giới tỉnh'),
        ('district', QgsFillSymbol.createSimple({'color': '0,0,0,0', 'outline_color': '#7030a0', 'outline_width': '0.5', 'outline_style': 'dash'}), 'Địa giới huyện'),
        ('commune', QgsFillSymbol.createSimple({'color': '0,0,0,0', 'outline_color': '#7030a0', 'outline_width': '0.35', 'outline_style': 'dash'}), 'Địa giới xã'),
    ]))
    areas = layer(gpkg, 'search_areas', live, 'Khu vực tìm kiếm')
    areas.setRenderer(categorized('status', [
        (k, QgsFillSymbol.createSimple({'color': fills[k], 'outline_color': '#000000', 'outline_width': '0.3', 'outline_style': 'dash' if k == 'unclear' else 'solid'}), STATUS_NAMES[k])
        for k in STATUS_FILLS
    ]))
    graves = layer(gpkg, 'graves', live, 'Mộ liệt sĩ')
    graves.setRenderer(categorized('kind', [
        (k, QgsMarkerSymbol.createSimple({'name': 'square', 'color': c, 'outline_color': '#404040', 'size': '3'}), label) for k, (c, label) in GRAVE_KINDS.items()
    ]))
    layers = [graves, areas, admin]
    for lyr in reversed(layers):
        proj.addMapLayer(lyr)
    crs = admin.crs()
    proj.setCrs(crs)

    layout = QgsPrintLayout(proj)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize('A3', page.Landscape)
    mm = QgsUnitTypes.LayoutMillimeters
    fx, fy, fw, fh = FRAME
    mp = QgsLayoutItemMap(layout)
    mp.setRect(0, 0, 10, 10)
    mp.attemptMove(QgsLayoutPoint(fx, fy, mm))
    mp.attemptResize(QgsLayoutSize(fw, fh, mm))
    mp.setCrs(crs)
    mp.setLayers(layers)
    box = target.geometry().boundingBox()
    if scale_arg is None:
        need = max(box.width() * 1000 / fw, box.height() * 1000 / fh)
        scale_arg = next((s for s in ROUND if s >= need), ROUND[-1])
    c = box.center()
    half_w, half_h = fw * scale_arg / 2000, fh * scale_arg / 2000
    mp.setExtent(QgsRectangle(c.x() - half_w, c.y() - half_h, c.x() + half_w, c.y() + half_h))
    mp.setScale(scale_arg)
    step = 100 if scale_arg <= 2000 else 200 if scale_arg <= 5000 else 1000 if scale_arg <= 25000 else 2000 if scale_arg <= 50000 else 5000 if scale_arg <= 100000 else 10000
    grid = QgsLayoutItemMapGrid('Lưới km', mp)
    grid.setCrs(crs)
    grid.setIntervalX(step)
    grid.setIntervalY(step)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationPrecision(0)
    grid.setAnnotationFont(QFont('Noto Sans', 7))
    grid.setFrameStyle(QgsLayoutItemMapGrid.NoFrame)
    mp.grids().addGrid(grid)
    mp.setFrameEnabled(True)
    layout.addLayoutItem(mp)

    def label(text, x, y, size, bold=False, w=None):
        item = QgsLayoutItemLabel(layout)
        item.setText(text)
        font = QFont('Noto Sans', size)
        font.setBold(bold)
        item.setFont(font)
        layout.addLayoutItem(item)
        item.adjustSizeToText()
        if w:
            # adjustSizeToText() measured one line here (QGIS 3.22, offscreen): size a block of lines by its count.
            lines = text.count('\n') + 1
            item.attemptResize(QgsLayoutSize(w, max(item.sizeWithUnits().height(), lines * size * 0.3528 * 1.5 + 2), mm))
        item.attemptMove(QgsLayoutPoint(x, y, mm))
        return item

    title = settings.get('title') or 'BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ'
    label(f'{title} – XÃ {target["name"].upper()}', MARGIN + 14, 12, 14, True)
    panel_x = fx + fw + 18
    panel_w = PAGE_W - MARGIN - panel_x
    leg = QgsLayoutItemLegend(layout)
    leg.setTitle('CHÚ GIẢI')
    leg.setLinkedMap(mp)
    leg.setLegendFilterByMapEnabled(True)
    layout.addLayoutItem(leg)
    leg.attemptMove(QgsLayoutPoint(panel_x, fy, mm))
    sb = QgsLayoutItemScaleBar(layout)
    sb.setStyle('Single Box')
    sb.setLinkedMap(mp)
    sb.applyDefaultSize()
    layout.addLayoutItem(sb)
    sb.attemptMove(QgsLayoutPoint(panel_x, fy + 120, mm))
    label(f'Tỷ lệ 1:{int(scale_arg):,}'.replace(',', '.'), panel_x, fy + 112, 10, True)
    label(statistics(gpkg, code), panel_x, fy + 140, 7, False, panel_w)

    t1 = time.time()
    export = QgsLayoutExporter.PdfExportSettings()
    export.forceVectorOutput = True
    res = QgsLayoutExporter(layout).exportToPdf(out, export)
    t2 = time.time()
    print(f'QGIS A3 1:{int(scale_arg)} xã {target["name"]}: setup {t1 - t0:.2f} s, export {t2 - t1:.2f} s, {os.path.getsize(out) / 1e6:.2f} MB, result {res}')
    app.exitQgis()
    sys.exit(0 if res == QgsLayoutExporter.Success else 1)


if __name__ == '__main__':
    main()
