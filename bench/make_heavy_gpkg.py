"""Copy of ../shared/peers/make_heavy_gpkg.py (the peers' heavy sheet, issue 4) with a size factor, for
the print bench at 2x the data (issue 15 item 3). Same square, same seed, same shapes; FACTOR times as
many graves, search areas and base lines (so FACTOR times the vertices). FACTOR 1 writes the same
features as the original. Run with Debian's python3 (GDAL bindings).
Usage: make_heavy_gpkg.py OUT.gpkg [FACTOR]"""
import math, random, sys
from osgeo import ogr, osr
random.seed(42)
out = sys.argv[1]
factor = int(sys.argv[2]) if len(sys.argv) > 2 else 1
srs = osr.SpatialReference()
srs.ImportFromProj4('+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 '
                    '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs')
ds = ogr.GetDriverByName('GPKG').CreateDataSource(out)
X0, Y0, W, H = 407000, 1347000, 49000, 41000
def layer(name, gtype, fields):
    l = ds.CreateLayer(name, srs, gtype)
    for f in fields: l.CreateField(ogr.FieldDefn(f, ogr.OFTString))
    return l
pts = layer('graves', ogr.wkbPoint, ['kind'])
ds.StartTransaction()
kinds = ['new_found', 'family_managed']
for i in range(40000 * factor):
    f = ogr.Feature(pts.GetLayerDefn()); f.SetField('kind', kinds[i % 2])
    g = ogr.Geometry(ogr.wkbPoint); g.AddPoint_2D(X0 + random.random() * W, Y0 + random.random() * H)
    f.SetGeometry(g); pts.CreateFeature(f)
areas = layer('search_areas', ogr.wkbPolygon, ['status'])
statuses = ['done', 'continuing', 'not_started', 'no_result', 'unclear']
for i in range(10000 * factor):
    cx, cy, r = X0 + random.random() * W, Y0 + random.random() * H, 50 + random.random() * 150
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for k in range(12):
        a = 2 * math.pi * k / 12
        ring.AddPoint_2D(cx + r * math.cos(a) * (0.7 + 0.3 * random.random()), cy + r * math.sin(a) * (0.7 + 0.3 * random.random()))
    ring.CloseRings()
    p = ogr.Geometry(ogr.wkbPolygon); p.AddGeometry(ring)
    f = ogr.Feature(areas.GetLayerDefn()); f.SetField('status', statuses[i % 5]); f.SetGeometry(p); areas.CreateFeature(f)
lines = layer('base_lines', ogr.wkbLineString, ['class'])
for i in range(2000 * factor):
    x, y = X0 + random.random() * W, Y0 + random.random() * H
    g = ogr.Geometry(ogr.wkbLineString)
    heading = random.random() * 2 * math.pi
    for k in range(500):
        heading += random.gauss(0, 0.2); x += 20 * math.cos(heading); y += 20 * math.sin(heading)
        g.AddPoint_2D(x, y)
    f = ogr.Feature(lines.GetLayerDefn()); f.SetField('class', 'contour' if i % 3 else 'stream'); f.SetGeometry(g); lines.CreateFeature(f)
ds.CommitTransaction()
ds = None
print('wrote', out)
