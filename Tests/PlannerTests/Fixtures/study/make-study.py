#!/usr/bin/env python3
"""Writes the small study the Planner stage tests run on (seeded, reproducible):
two square wards of about 1.1 km side near Mỹ Tho in two groups, three roads, and 90
incidents over 2021-2023 (60 clustered in ward A around one junction (σ ≈ 90 m), 30 spread over ward B).
Run from this folder: python3 make-study.py"""
import json, random

rng = random.Random(8)
def square(x0, y0, d):
    return [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]]
wards = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"ward_code": "A", "ward_name": "Phường A", "ward_type": "Phường",
                                       "district_name": "District 1", "population": 12000},
     "geometry": {"type": "Polygon", "coordinates": square(106.350, 10.350, 0.010)}},
    {"type": "Feature", "properties": {"ward_code": "B", "ward_name": "Xã B", "ward_type": "Xã",
                                       "district_name": "District 2", "population": 6000},
     "geometry": {"type": "Polygon", "coordinates": square(106.360, 10.350, 0.010)}},
]}
roads = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"highway": "primary"},
     "geometry": {"type": "LineString", "coordinates": [[106.3505, 10.355], [106.3695, 10.355]]}},
    {"type": "Feature", "properties": {"highway": "secondary"},
     "geometry": {"type": "LineString", "coordinates": [[106.355, 10.3505], [106.355, 10.3595]]}},
    {"type": "Feature", "properties": {"highway": "secondary"},
     "geometry": {"type": "LineString", "coordinates": [[106.365, 10.3505], [106.365, 10.3595]]}},
]}
rows = ["id,date,category,severity,solved,lon,lat"]
severities = ["less_serious", "less_serious", "serious", "very_serious"]
for i in range(90):
    year = 2021 + i % 3
    if i < 60:
        lon, lat = 106.355 + rng.gauss(0, 0.0008), 10.355 + rng.gauss(0, 0.0008)
    else:
        lon, lat = rng.uniform(106.3605, 106.3695), rng.uniform(10.3505, 10.3595)
    rows.append(f"I{i},{year}-{1 + i % 12:02d}-{1 + i % 28:02d},theft,{severities[i % 4]},{'yes' if i % 3 else 'no'},{lon:.6f},{lat:.6f}")
json.dump(wards, open("wards.geojson", "w"), ensure_ascii=False)
json.dump(roads, open("roads.geojson", "w"))
open("incidents.csv", "w").write("\n".join(rows) + "\n")
