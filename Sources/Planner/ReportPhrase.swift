/// The fixed phrases of the pages, legends and spreadsheets, in Vietnamese and English.
public enum ReportPhrase: String, Sendable, CaseIterable {
    case millionVND, cameras, camerasUnit, cells, km2
    case scenarioTitle, comparisonTitle, comparisonSubtitle, mapTitle, zoomTitle, legend
    case wards, districts, hotCells, footprints, newCamera, installedCamera
    case hot99, hot95, hot90, cold90, cold95, cold99
    case headlineNew, headlineInstalled, headlineCost, headlineCoverage, headlineHeldOut, headlineHot
    case byGroup, modelWards, modelWardLayer, scorecard, comparisonByGroup, total, province
    case met, notMet, noData, yes, no
    case north, scale, synthetic, osm, software, perKm2Unit
    case chartCoverage, chartHeldOut, chartCameras, chartHot, chartCost
    case inSampleNote, heldOutYearNote
    case blackSpots, blackSpot, roadSegment, segmentWithAccidents, gateways, gatewayWatched, gatewayNotWatched

    var texts: (String, String) {
        switch self {
        case .millionVND: ("triệu đồng", "million VND")
        case .cameras: ("Camera", "Cameras")
        case .camerasUnit: ("chiếc", "cameras")
        case .cells: ("ô", "cells")
        case .km2: ("km²", "km²")
        case .scenarioTitle: ("Kịch bản", "Scenario")
        case .comparisonTitle: ("So sánh các kịch bản bố trí camera", "Comparison of the camera scenarios")
        case .comparisonSubtitle: ("Kịch bản trong tệp", "Scenarios of")
        case .mapTitle: ("Bản đồ toàn tỉnh", "Map of the province")
        case .zoomTitle: ("Phóng to", "Zoom")
        case .legend: ("Chú giải", "Legend")
        case .wards: ("Xã, phường", "Wards")
        case .districts: ("Huyện, thị xã, thành phố (cũ)", "Former districts")
        case .hotCells: ("Ô điểm nóng, điểm lạnh Gi*", "Gi* hot and cold cells")
        case .footprints: ("Vùng quan sát của camera", "Camera footprints")
        case .newCamera: ("Camera mới", "New camera")
        case .installedCamera: ("Camera hiện có", "Installed camera")
        case .hot99: ("Điểm nóng, độ tin cậy 99 %", "Hot spot, 99% confidence")
        case .hot95: ("Điểm nóng, độ tin cậy 95 %", "Hot spot, 95% confidence")
        case .hot90: ("Điểm nóng, độ tin cậy 90 %", "Hot spot, 90% confidence")
        case .cold90: ("Điểm lạnh, độ tin cậy 90 %", "Cold spot, 90% confidence")
        case .cold95: ("Điểm lạnh, độ tin cậy 95 %", "Cold spot, 95% confidence")
        case .cold99: ("Điểm lạnh, độ tin cậy 99 %", "Cold spot, 99% confidence")
        case .headlineNew: ("Camera mới", "New cameras")
        case .headlineInstalled: ("Camera hiện có", "Installed cameras")
        case .headlineCost: ("Chi phí camera mới", "Cost of the new cameras")
        case .headlineCoverage: ("Tỷ lệ phủ nhu cầu", "Demand covered")
        case .headlineHeldOut: ("Tỷ lệ phủ năm kiểm tra", "Covered in the held-out year")
        case .headlineHot: ("Ô điểm nóng 95 % được phủ", "95% hot cells reached")
        case .byGroup: ("Kết quả theo địa bàn", "Results by group")
        case .modelWards: ("Xã, phường đề xuất điển hình (10 đầu mỗi danh sách)", "Model-ward candidates (top 10 of each list)")
        case .scorecard: ("Chỉ tiêu Chỉ thị 15/CT-UBND", "Directive targets (Chỉ thị 15/CT-UBND)")
        case .modelWardLayer: ("Xã, phường điển hình (điểm)", "Model-ward score")
        case .comparisonByGroup: ("So sánh theo địa bàn", "Comparison by group")
        case .total: ("Tổng", "Total")
        case .province: ("Toàn tỉnh", "Province")
        case .met: ("Đạt", "Met")
        case .notMet: ("Chưa đạt", "Not met")
        case .noData: ("Không có số liệu", "No data")
        case .yes: ("Có", "Yes")
        case .no: ("Không", "No")
        case .north: ("B", "N")
        case .scale: ("Tỷ lệ", "Scale")
        case .synthetic: ("Vụ việc, tai nạn, camera hiện có và dân số trong dữ liệu mẫu là dữ liệu giả lập.",
                          "Incidents, accidents, installed cameras and population in the shipped data are synthetic.")
        case .osm: ("Đường, công trình: © OpenStreetMap contributors (ODbL).", "Roads and buildings: © OpenStreetMap contributors (ODbL).")
        case .software: ("Phần mềm", "Software")
        case .perKm2Unit: ("trên km²", "per km²")
        case .chartCoverage: ("Tỷ lệ phủ nhu cầu theo kịch bản, trên dữ liệu dùng để bố trí (%)", "Demand covered by scenario, on the data each plan was fitted to (%)")
        case .chartHeldOut: ("Tỷ lệ phủ vụ việc năm kiểm tra theo kịch bản (%)", "Held-out year's incidents covered by scenario (%)")
        case .chartCameras: ("Camera mới theo địa bàn và kịch bản (chiếc)", "New cameras by group and scenario")
        case .chartHot: ("Ô điểm nóng 95 % được phủ theo kịch bản (%)", "95% hot cells reached by scenario (%)")
        case .chartCost: ("Chi phí camera mới theo kịch bản (triệu đồng)", "Cost of the new cameras by scenario (million VND)")
        case .inSampleNote: ("trên dữ liệu dùng để bố trí", "on the data the plan was fitted to")
        case .blackSpots: ("Đoạn đường và điểm đen tai nạn", "Road segments and accident black spots")
        case .blackSpot: ("Điểm đen tai nạn giao thông", "Accident black spot")
        case .roadSegment: ("Đoạn đường khác", "Other road segment")
        case .segmentWithAccidents: ("Đoạn đường có tai nạn", "Road segment with accidents")
        case .gateways: ("Cửa ngõ", "Gateways")
        case .gatewayWatched: ("Cửa ngõ có camera biển số", "Gateway watched by a plate camera")
        case .gatewayNotWatched: ("Cửa ngõ chưa có camera", "Gateway not watched")
        case .heldOutYearNote: ("vụ việc năm {year}, phương án bố trí theo {fit}", "{year}'s incidents, plan fitted to {fit}")
        }
    }
}
