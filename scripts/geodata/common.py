"""Shared helpers for scripts/make-geodata and scripts/make-incidents (run once; outputs committed).

Nothing here is needed by camplan at run time."""
import json
import os
import subprocess
import sys

# A fixed timestamp for the GeoPackage metadata (gpkg_contents.last_change), so that the
# files come out byte-identical on every run.
FIXED_DATE = "2021-08-06T00:00:00Z"
UTM48N = "EPSG:32648"


def log(*args):
    print(*args, file=sys.stderr)


def run(cmd, env_extra=None):
    env = dict(os.environ)
    env["OGR_CURRENT_DATE"] = FIXED_DATE
    env.setdefault("LC_ALL", "C.UTF-8")
    if env_extra:
        env.update(env_extra)
    subprocess.run(cmd, check=True, env=env)


def write_geojson(path, name, features, attribution=None):
    """Write a compact FeatureCollection (lon/lat WGS 84) as an intermediate for ogr2ogr."""
    fc = {"type": "FeatureCollection", "name": name}
    if attribution:
        fc["attribution"] = attribution
    fc["features"] = features
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(fc, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")


def remove(path):
    if os.path.exists(path):
        os.remove(path)


def to_gpkg(src, dst, layer, extra=()):
    """GeoJSON -> GeoPackage (EPSG:4326, spatial index) with a fixed timestamp."""
    remove(dst)
    run(["ogr2ogr", "-q", "-f", "GPKG", dst, src, "-nln", layer, "-a_srs", "EPSG:4326",
         "-lco", "SPATIAL_INDEX=YES", "-lco", "FID=fid", *extra])


def to_rfc7946(src, dst, layer, extra=()):
    """Any OGR layer -> RFC 7946 GeoJSON (WGS 84, right-hand rule, 7 decimals)."""
    remove(dst)
    run(["ogr2ogr", "-q", "-f", "GeoJSON", dst, src, "-nln", layer,
         "-lco", "RFC7946=YES", "-lco", "COORDINATE_PRECISION=7",
         "-lco", "WRITE_NAME=YES", *extra])
