"""Opens camplan GeoPackages in QGIS (PyQGIS, offscreen) and checks that they draw.

For each GeoPackage: every feature layer has a default style in `layer_styles`, loads with
that style, and its renderer gives a symbol to every feature (a category that matches no value
leaves features without one); each such layer, rendered alone, puts pixels on the image;
the project stored in `qgis_projects` opens with every layer valid and renders. Writes the
project's render as a PNG (`--png`). Exit 0 when every check passed, 1 otherwise, with one
line per failure on stderr. Run by scripts/check-qgis (which installs QGIS when missing).
"""
import argparse
import os
import sqlite3
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsCoordinateTransform, QgsMapRendererCustomPainterJob, QgsMapSettings,
    QgsProject, QgsRectangle, QgsRenderContext, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QImage, QPainter  # noqa: E402

failures = []


def fail(msg):
    failures.append(msg)
    print("check-qgis: FAIL " + msg, file=sys.stderr)


def render(layers, extent, crs, size=900):
    """The layers drawn into a transparent image over `extent` (in `crs`)."""
    ms = QgsMapSettings()
    ms.setLayers(layers)
    ms.setDestinationCrs(crs)
    ratio = extent.height() / extent.width() if extent.width() > 0 else 1
    ms.setOutputSize(QSize(size, max(1, int(size * ratio))))
    ms.setExtent(extent)
    ms.setBackgroundColor(QColor(0, 0, 0, 0))
    ms.setFlag(QgsMapSettings.DrawLabeling, True)
    img = QImage(ms.outputSize(), QImage.Format_ARGB32_Premultiplied)
    img.fill(0)
    p = QPainter(img)
    job = QgsMapRendererCustomPainterJob(ms, p)
    job.start()
    job.waitForFinished()
    p.end()
    return img


def drawn_pixels(img):
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    data = bytes(ptr)
    return sum(1 for a in data[3::4] if a)


def extent_in(layers, crs):
    box = QgsRectangle()
    box.setMinimal()
    for l in layers:
        e = l.extent()
        if e.isEmpty() and l.featureCount() == 0:
            continue
        if l.crs() != crs:
            e = QgsCoordinateTransform(l.crs(), crs, QgsProject.instance()).transformBoundingBox(e)
        box.combineExtentWith(e)
    if box.width() <= 0 or box.height() <= 0:
        box.grow(1.0)
    box.scale(1.05)
    return box


def check_symbols(layer):
    """Features of `layer` its renderer gives no symbol, with the value of the classifying field."""
    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(layer.extent())
    ms.setOutputSize(QSize(100, 100))
    ctx = QgsRenderContext.fromMapSettings(ms)
    ctx.expressionContext().appendScopes(
        __import__("qgis.core", fromlist=["QgsExpressionContextUtils"]).QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    renderer = layer.renderer().clone()
    renderer.startRender(ctx, layer.fields())
    attr = getattr(renderer, "classAttribute", lambda: None)()
    missing, examples = 0, set()
    for f in layer.getFeatures():
        ctx.expressionContext().setFeature(f)
        if not renderer.symbolsForFeature(f, ctx):
            missing += 1
            if attr and len(examples) < 5:
                examples.add(repr(f[attr]))
    renderer.stopRender(ctx)
    return missing, attr, sorted(examples)


def check_geopackage(path, png):
    path = os.path.abspath(path)
    if not os.path.exists(path):
        fail(f"{path}: no such file")
        return
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "layer_styles" not in tables:
        fail(f"{path}: no layer_styles table")
        return
    styled = [r[0] for r in db.execute(
        "SELECT f_table_name FROM layer_styles WHERE useAsDefault ORDER BY f_table_name")]
    stored = {r[0]: r[1] for r in db.execute("SELECT f_table_name, styleQML FROM layer_styles")}
    has_project = "qgis_projects" in tables and db.execute("SELECT count(*) FROM qgis_projects").fetchone()[0] > 0
    features = [r[0] for r in db.execute(
        "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")] \
        if "gpkg_contents" in tables else []
    db.close()
    if not styled:
        fail(f"{path}: layer_styles holds no default style")
    for name in features:
        if name not in styled:
            fail(f"{path}: layer {name} has no default style in layer_styles (QGIS would draw it with a random one)")
    for name in styled:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            fail(f"{path}: layer {name} does not open")
            continue
        kind = layer.renderer().type()
        if f'type="{kind}"' not in stored.get(name, ""):
            fail(f"{path}: layer {name} opens with a {kind} renderer, not its stored style")
            continue
        n = layer.featureCount()
        missing, attr, examples = check_symbols(layer)
        if missing:
            fail(f"{path}: layer {name}: {missing} of {n} features get no symbol from the {kind} style"
                 + (f" (field {attr}, values {', '.join(examples)})" if attr else ""))
        if n == 0:
            print(f"check-qgis: {name}: empty layer, nothing to draw")
            continue
        img = render([layer], extent_in([layer], layer.crs()), layer.crs(), size=600)
        px = drawn_pixels(img)
        if px == 0:
            fail(f"{path}: layer {name} renders nothing ({n} features)")
        else:
            print(f"check-qgis: {name}: {n} features, every one with a symbol; {px} pixels drawn")

    if not has_project:
        fail(f"{path}: no QGIS project in qgis_projects")
        return
    project = QgsProject.instance()
    project.clear()
    uri = f"geopackage:{path}?projectName=camplan"
    if not project.read(uri):
        fail(f"{path}: the stored project does not open: {project.error()}")
        return
    layers = list(project.mapLayers().values())
    bad = [l.name() for l in layers if not l.isValid()]
    if bad or not layers:
        fail(f"{path}: project layers that do not load: {', '.join(bad) or 'none in the project'}")
        return
    root = project.layerTreeRoot()
    visible = [n.layer() for n in root.findLayers() if n.isVisible() and n.layer() is not None]
    for name in ("wards", "districts", "blackspots"):
        for l in layers:
            if l.source().endswith("layername=" + name) and not l.labelsEnabled():
                fail(f"{path}: project layer {name} has no labels")
    crs = project.crs()
    img = render(visible, extent_in(visible, crs), crs, size=1400)
    px = drawn_pixels(img)
    if px < 0.05 * img.width() * img.height():
        fail(f"{path}: the project renders almost nothing ({px} pixels)")
    else:
        print(f"check-qgis: project {QgsProject.instance().title()!r}: {len(visible)} visible layers in {crs.authid()}, {px} pixels drawn")
    if png:
        out = QImage(img.size(), QImage.Format_ARGB32)
        out.fill(QColor(255, 255, 255))
        p = QPainter(out)
        p.drawImage(0, 0, img)
        p.end()
        out.save(png)
        print(f"check-qgis: wrote {png}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("geopackages", nargs="+")
    ap.add_argument("--png", help="PNG of the first GeoPackage's project render")
    a = ap.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    for i, g in enumerate(a.geopackages):
        check_geopackage(g, a.png if i == 0 else None)
    app.exitQgis()
    print(f"check-qgis: {len(failures)} failure(s)" if failures else "check-qgis: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
