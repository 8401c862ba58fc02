#!/usr/bin/env bash
# Makes the GeoKit reader fixtures from the tiny hand-written GeoJSON below, with ogr2ogr
# (GDAL 3.6.2). Run from this directory: ./make_fixtures.sh
# Three made-up wards near Mỹ Tho (not real boundaries): W1 phường (A), W2 xã (A), W3 xã with
# a hole (B). Incidents: 4 good rows and one of each kind of bad row.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf wards.* wards_* incidents* empty.geojson not_vector.txt no_coordinates.csv

cat > wards.geojson <<'JSON'
{"type":"FeatureCollection","name":"wards","features":[
{"type":"Feature","properties":{"ward_code":"W1","ward_name":"Phường 1","ward_full_name":"Phường 1","ward_type":"phường","district_code":"815","district_name":"Thành phố Mỹ Tho"},
 "geometry":{"type":"Polygon","coordinates":[[[106.35,10.35],[106.37,10.35],[106.37,10.37],[106.35,10.37],[106.35,10.35]]]}},
{"type":"Feature","properties":{"ward_code":"W2","ward_name":"Đạo Thạnh","ward_full_name":"Xã Đạo Thạnh","ward_type":"xã","district_code":"815","district_name":"Thành phố Mỹ Tho"},
 "geometry":{"type":"Polygon","coordinates":[[[106.37,10.35],[106.40,10.35],[106.40,10.37],[106.37,10.37],[106.37,10.35]]]}},
{"type":"Feature","properties":{"ward_code":"W3","ward_name":"Bình Phục Nhứt","ward_full_name":"Xã Bình Phục Nhứt","ward_type":"xã","district_code":"820","district_name":"Huyện Chợ Gạo"},
 "geometry":{"type":"Polygon","coordinates":[[[106.35,10.37],[106.40,10.37],[106.40,10.40],[106.35,10.40],[106.35,10.37]],[[106.36,10.38],[106.365,10.38],[106.365,10.385],[106.36,10.385],[106.36,10.38]]]}}
]}
JSON

# Same wards in other formats and CRSs.
ogr2ogr -f "ESRI Shapefile" wards_utm.shp wards.geojson -t_srs EPSG:32648 -lco ENCODING=UTF-8
ogr2ogr -f "ESRI Shapefile" wards_ftus.shp wards.geojson -t_srs "+proj=utm +zone=48 +datum=WGS84 +units=us-ft +no_defs" -lco ENCODING=UTF-8
ogr2ogr -f GPKG wards.gpkg wards.geojson -nln wards --config OGR_CURRENT_DATE 2000-01-01T00:00:00.000Z
ogr2ogr -f "MapInfo File" wards.tab wards.geojson -t_srs EPSG:32648
ogr2ogr -f KML wards.kml wards.geojson

# A bow-tie (self-intersecting) ward, to be repaired with MakeValid.
cat > wards_invalid.geojson <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"ward_code":"B1","ward_name":"Nơ","ward_type":"xã","district_name":"X"},
 "geometry":{"type":"Polygon","coordinates":[[[106.35,10.35],[106.40,10.40],[106.40,10.35],[106.35,10.40],[106.35,10.35]]]}},
{"type":"Feature","properties":{"ward_code":"B2","ward_name":"Vuông","ward_type":"phường","district_name":"X"},
 "geometry":{"type":"Polygon","coordinates":[[[106.40,10.35],[106.45,10.35],[106.45,10.40],[106.40,10.40],[106.40,10.35]]]}}
]}
JSON

# A shapefile that lost its .prj (needs --crs).
ogr2ogr -f "ESRI Shapefile" wards_noprj.shp wards_utm.shp -lco ENCODING=UTF-8
rm wards_noprj.prj

# Not polygons; empty; not a vector file at all; a table without coordinates.
cat > wards_points.geojson <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"ward_code":"P1"},"geometry":{"type":"Point","coordinates":[106.36,10.36]}}
]}
JSON
echo '{"type":"FeatureCollection","features":[]}' > empty.geojson
printf 'this is not a GIS file\n' > not_vector.txt
printf 'id,date,address\n1,2021-01-01,Chợ Mỹ Tho\n' > no_coordinates.csv

# Incidents with Vietnamese coordinate columns: rows 2,3,4,10 are good; 5 empty coordinates,
# 6 non-numeric, 7 swapped lat/lon, 8 outside every ward, 9 a date that does not exist.
cat > incidents.csv <<'CSV'
id,date,category,severity,solved,kinh_do,vi_do
I1,2021-03-05,property theft,ít nghiêm trọng,true,106.36,10.36
I2,15/07/2022,street robbery,nghiêm trọng,false,106.38,10.36
I3,2023-01-10T08:30:00,assault,rất nghiêm trọng,1,106.38,10.39
I4,,drugs,nghiêm trọng,0,,
I5,2022-05-05,fraud,ít nghiêm trọng,0,abc,10.36
I6,2022-06-06,gambling,ít nghiêm trọng,1,10.36,106.36
I7,2022-07-07,drugs,nghiêm trọng,1,106.50,10.50
I8,31/02/2022,fraud,ít nghiêm trọng,1,106.36,10.36
I9,30/11/2023,property theft,ít nghiêm trọng,có,"106,39",10.355
CSV

# A spreadsheet export as Vietnamese Excel writes it: UTF-8 BOM, ';' separator, decimal
# commas, capitalised Vietnamese column names, dd/mm/yyyy dates.
printf '\xef\xbb\xbfid;ngay;Kinh_Do;Vi_Do\n1;05/03/2021;106,36;10,36\n2;2022-01-01;106.38;10.36\n' > incidents_semicolon.csv

# The good rows as a typed spreadsheet (numbers and dates as Excel types) and as points.
cat > incidents_clean.csv <<'CSV'
id,date,category,severity,solved,lon,lat
I1,2021-03-05,property theft,ít nghiêm trọng,1,106.36,10.36
I2,2022-07-15,street robbery,nghiêm trọng,0,106.38,10.36
I3,2023-01-10,assault,rất nghiêm trọng,1,106.38,10.39
CSV
ogr2ogr -f XLSX incidents.xlsx incidents_clean.csv -oo AUTODETECT_TYPE=YES -nln incidents
# A second sheet (Vietnamese names, text cells, dd/mm/yyyy dates) chosen with --incidents-layer.
printf 'ma,ngay,kinh_do,vi_do\nA1,01/02/2022,106.355,10.355\n' > incidents_sheet2.csv
ogr2ogr -f XLSX -update incidents.xlsx incidents_sheet2.csv -nln thang2
rm incidents_sheet2.csv
ogr2ogr -f GeoJSON incidents_points.geojson incidents_clean.csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 -nln incidents -lco RFC7946=YES
# The same points in UTM 48N metres as x/y columns (for --crs EPSG:32648).
ogr2ogr -f CSV incidents_utm.csv incidents_points.geojson -t_srs EPSG:32648 -lco GEOMETRY=AS_XY -lco LINEFORMAT=LF

# The same Vietnamese text in two legacy code pages (Excel on Vietnamese Windows writes
# Windows-1258, with tone marks as combining characters; latin-1 keeps only some letters).
cat > incidents_legacy.utf8.csv <<'CSV'
id,date,category,severity,solved,lon,lat
L1,2021-03-05,trộm cắp tài sản,ít nghiêm trọng,1,106.36,10.36
L2,2022-07-15,cướp giật tài sản,nghiêm trọng,0,106.38,10.36
CSV
iconv -f UTF-8 -t WINDOWS-1258 incidents_legacy.utf8.csv > incidents_cp1258.csv
printf 'id,date,category,severity,solved,lon,lat\nL1,2021-03-05,vol à la tire,less_serious,1,106.36,10.36\nL2,2022-07-15,café,serious,0,106.38,10.36\n' \
  | iconv -f UTF-8 -t LATIN1 > incidents_latin1.csv
rm incidents_legacy.utf8.csv
