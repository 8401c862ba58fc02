import Foundation

/// The default camera catalog, identical to `geodata/camera-catalog.json` (a test checks
/// that they agree), embedded so that camplan works without the file.
enum DefaultCatalogJSON {
    static let text = #"""
{
  "cost_unit": "million VND (indicative 2025 installed prices)",
  "types": [
    {"id": "bullet_2mp_4mm", "name": "2 MP (1080p) bullet, 4 mm lens", "sensor_width_px": 1920, "hfov_deg": 68, "mount_height_m": 4.0, "cost_million_vnd": 2.2, "kind": "fixed", "is360": false},
    {"id": "bullet_4mp_6mm", "name": "4 MP bullet, 6 mm lens", "sensor_width_px": 2560, "hfov_deg": 55, "mount_height_m": 4.5, "cost_million_vnd": 3.6, "kind": "fixed", "is360": false},
    {"id": "dome_4mp_2_8mm", "name": "4 MP dome, 2.8 mm lens", "sensor_width_px": 2560, "hfov_deg": 100, "mount_height_m": 3.5, "cost_million_vnd": 3.0, "kind": "fixed", "is360": false},
    {"id": "bullet_8mp_12mm", "name": "8 MP (4K) bullet, 12 mm lens", "sensor_width_px": 3840, "hfov_deg": 30, "mount_height_m": 6.0, "cost_million_vnd": 8.5, "kind": "fixed", "is360": false},
    {"id": "fisheye_12mp_360", "name": "12 MP fisheye, 360 degrees", "sensor_width_px": 4000, "hfov_deg": 360, "mount_height_m": 4.0, "cost_million_vnd": 9.0, "kind": "fixed", "is360": true},
    {"id": "ptz_4mp_25x", "name": "4 MP PTZ, 25x optical zoom (hfov is the tele end), guard tour of 4 presets", "sensor_width_px": 2560, "hfov_deg": 2.6, "mount_height_m": 8.0, "cost_million_vnd": 32.0, "kind": "ptz", "is360": true, "max_range_m": 80, "ptz_presets": 4},
    {"id": "lpr_2mp", "name": "2 MP licence-plate camera, 12 degree lens", "sensor_width_px": 1920, "hfov_deg": 12, "mount_height_m": 5.0, "cost_million_vnd": 18.0, "kind": "lpr", "is360": false},
    {"id": "traffic_4mp_8mm", "name": "4 MP traffic-violation camera, 8 mm lens (aimed along the road)", "sensor_width_px": 2560, "hfov_deg": 40, "mount_height_m": 6.0, "cost_million_vnd": 45.0, "kind": "traffic", "is360": false}
  ]
}
"""#
}
