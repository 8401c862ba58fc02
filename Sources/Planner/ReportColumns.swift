import GeoKit

/// How a column of a machine table is shown to a reader: its header in each language (with
/// the unit) and how a value is written. Machine outputs (CSV) keep the field name and the
/// plain value; pages and spreadsheets use these.
public struct ReportColumn: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Text as it is (names keep their diacritics).
        case text
        /// A whole number.
        case count
        /// A share 0…1, shown in percent.
        case share
        /// A value already in percent (a change).
        case percentPoints
        /// Money in million VND.
        case money
        /// A decimal number with a fixed number of places.
        case decimal(Int)
        /// Yes/no.
        case flag
        /// A scorecard status (`met`, `not met`, `no data`).
        case status
        /// A scorecard target key, shown as the target's name.
        case target
        /// A model-ward criterion key list (`clearance no_hot_cells`), shown as names.
        case criteria
        /// A scope: `province` becomes the word for province.
        case scope
        /// A model-ward list key, shown as the title's short name.
        case wardList
    }

    public var vi: String
    public var en: String
    public var kind: Kind

    public init(_ vi: String, _ en: String, _ kind: Kind) {
        self.vi = vi
        self.en = en
        self.kind = kind
    }

    public func header(_ lang: ReportLanguage) -> String { lang == .vi ? vi : en }

    /// The value as a reader sees it, with separators of `lang` (units are in the header).
    public func display(_ v: FieldValue, _ lang: ReportLanguage) -> String {
        switch (kind, v) {
        case (_, .null): return ""
        case (.share, _): return v.number.map { lang.percent(share: $0) } ?? ""
        case (.percentPoints, _): return v.number.map { lang.percent(points: $0) } ?? ""
        case (.money, _): return v.number.map { lang.number($0, decimals: 1) } ?? ""
        case (.decimal(let d), _): return v.number.map { lang.number($0, decimals: d) } ?? ""
        case (.count, _): return v.number.map { lang.number($0) } ?? ""
        case (.flag, .bool(let b)): return lang.text(b ? .yes : .no)
        case (.status, .string(let s)): return ReportColumns.status(s, lang)
        case (.target, .string(let s)): return ReportColumns.targetName(s, lang)
        case (.criteria, .string(let s)):
            return s == "-" ? "–" : s.split(separator: " ").map { ReportColumns.criterionName(String($0), lang) }.joined(separator: "; ")
        case (.scope, .string(let s)): return s == "province" ? lang.text(.province) : s
        case (.wardList, .string(let s)):
            let names = ["model_ward": ("Phường điển hình", "Model ward"), "model_commune": ("Xã điển hình", "Model commune")]
            return names[s].map { lang == .vi ? $0.0 : $0.1 } ?? s
        default: return v.stringValue ?? ""
        }
    }

    /// The value for a spreadsheet cell: numbers stay numbers (shares become percent, rounded
    /// to 0.1), words are translated. Its type is ``spreadsheetType``.
    public func spreadsheetValue(_ v: FieldValue, _ lang: ReportLanguage) -> FieldValue {
        switch (kind, v) {
        case (_, .null): return .null
        case (.share, _): return v.number.map { .real(($0 * 1000).rounded() / 10) } ?? .null
        case (.percentPoints, _), (.money, _): return v.number.map { .real(($0 * 10).rounded() / 10) } ?? .null
        case (.decimal(let d), _):
            let k = [1.0, 10, 100, 1000, 10000][min(max(d, 0), 4)]
            return v.number.map { .real(($0 * k).rounded() / k) } ?? .null
        case (.count, _): return v.number.map { .integer(Int64($0.rounded())) } ?? .null
        default: return .string(display(v, lang))
        }
    }

    public var spreadsheetType: FieldType {
        switch kind {
        case .share, .percentPoints, .money, .decimal: .real
        case .count: .integer
        default: .string
        }
    }
}

/// The reader-facing form of every column camplan writes in a table.
public enum ReportColumns {
    /// Known columns by machine name.
    public static let all: [String: ReportColumn] = [
        "scenario": .init("Kịch bản", "Scenario", .text),
        "group": .init("Địa bàn (huyện cũ)", "Group (former district)", .text),
        "demand_weight": .init("Nhu cầu (trọng số)", "Demand (weight)", .decimal(1)),
        "covered_weight": .init("Nhu cầu được phủ (trọng số)", "Covered demand (weight)", .decimal(1)),
        "coverage": .init("Tỷ lệ phủ (%)", "Coverage (%)", .share),
        "covered_share": .init("Tỷ lệ phủ (%)", "Coverage (%)", .share),
        "hot95_cells": .init("Ô điểm nóng 95 % (ô)", "95% hot cells (cells)", .count),
        "hot95_covered": .init("Ô điểm nóng được phủ (ô)", "Hot cells reached (cells)", .count),
        "hot95_coverage": .init("Ô điểm nóng được phủ (%)", "Hot cells reached (%)", .share),
        "cameras_existing": .init("Camera hiện có (chiếc)", "Installed cameras", .count),
        "cameras_new": .init("Camera mới (chiếc)", "New cameras", .count),
        "cost": .init("Chi phí (triệu đồng)", "Cost (million VND)", .money),
        "area_km2": .init("Diện tích (km²)", "Area (km²)", .decimal(1)),
        "cameras_per_km2": .init("Camera trên km² (chiếc/km²)", "Cameras per km²", .decimal(3)),
        "cameras_per_10k_residents": .init("Camera trên 10.000 dân (chiếc)", "Cameras per 10,000 residents", .decimal(2)),
        "gap": .init("Sai số tối ưu được chứng nhận (%)", "Certified optimality gap (%)", .share),
        "scope": .init("Phạm vi", "Scope", .scope),
        "target": .init("Chỉ tiêu", "Target", .target),
        "requirement": .init("Yêu cầu", "Requirement", .target),
        "value": .init("Giá trị", "Value", .text),
        "threshold": .init("Ngưỡng", "Threshold", .text),
        "comparison": .init("So sánh", "Comparison", .text),
        "status": .init("Kết quả", "Status", .status),
        "list": .init("Danh sách", "List", .wardList),
        "rank": .init("Hạng", "Rank", .count),
        "ward": .init("Xã, phường", "Ward", .text),
        "ward_name": .init("Xã, phường", "Ward", .text),
        "score": .init("Điểm (0–100)", "Score (0–100)", .decimal(1)),
        "eligible": .init("Đủ điều kiện", "Eligible", .flag),
        "criteria_failed": .init("Tiêu chí chưa đạt", "Criteria not met", .criteria),
        "incidents": .init("Vụ việc (vụ)", "Incidents", .count),
        "weight_per_km2": .init("Vụ việc quy đổi trên km²", "Weighted incidents per km²", .decimal(1)),
        "cell_id": .init("Mã ô", "Cell", .text),
        "count": .init("Số vụ việc trong ô (vụ)", "Incidents in the cell", .count),
        "gi_z": .init("Điểm z Gi*", "Gi* z-score", .decimal(2)),
        "gi_bin": .init("Mức điểm nóng (-3…3)", "Gi* bin (-3…3)", .count),
        "trend": .init("Xu hướng", "Trend", .text),
        "site_id": .init("Mã vị trí", "Site", .text),
        "camera_type": .init("Loại camera", "Camera type", .text),
        "heading_deg": .init("Hướng (độ)", "Heading (degrees)", .decimal(0)),
        "range_m": .init("Tầm quan sát (m)", "Range (m)", .decimal(1)),
        "order": .init("Thứ tự", "Order", .count),
        "existing": .init("Camera hiện có", "Installed", .flag),
        "area_m2": .init("Diện tích (m²)", "Area (m²)", .decimal(0)),
        "wards": .init("Số xã, phường", "Wards", .count),
        // Traffic (directive item 4).
        "accident_coverage": .init("Tai nạn trong vùng quan sát (%, quy đổi)", "Accidents covered (%, class-weighted)", .share),
        "blackspots": .init("Điểm đen (đoạn)", "Black spots (segments)", .count),
        "blackspots_watched": .init("Điểm đen có camera (đoạn)", "Black spots watched", .count),
        "gateways": .init("Cửa ngõ", "Gateways", .count),
        "gateways_watched": .init("Cửa ngõ có camera biển số", "Gateways watched", .count),
        "plan": .init("Phương án", "Plan", .text),
        "plan_coverage": .init("Tai nạn trong vùng quan sát của phương án (%)", "Accidents covered by the plan (%)", .share),
        "segment_id": .init("Mã đoạn đường", "Segment", .text),
        "road_name": .init("Tên đường", "Road", .text),
        "road_class": .init("Cấp đường (OSM)", "Road class (OSM)", .text),
        "accidents": .init("Tai nạn (vụ)", "Accidents", .count),
        "fatal": .init("Tai nạn có người chết (vụ)", "Fatal accidents", .count),
        "is_blackspot": .init("Điểm đen", "Black spot", .flag),
        "watched": .init("Có camera", "Watched", .flag),
        "gateway_id": .init("Mã cửa ngõ", "Gateway", .text),
    ]

    /// The column for `field`, or a plain one named after it.
    public static func column(_ field: FieldDefinition) -> ReportColumn {
        if let c = all[field.name] { return c }
        let kind: ReportColumn.Kind = switch field.type {
        case .integer: .count
        case .real: .decimal(3)
        case .bool: .flag
        case .string: .text
        }
        return ReportColumn(field.name, field.name, kind)
    }

    static func status(_ s: String, _ lang: ReportLanguage) -> String {
        switch s {
        case "met": lang.text(.met)
        case "not met": lang.text(.notMet)
        case "no data": lang.text(.noData)
        default: s
        }
    }

    /// Names of the directive targets of the scorecard.
    static func targetName(_ key: String, _ lang: ReportLanguage) -> String {
        let names: [String: (String, String)] = [
            "crime_change": ("Tội phạm về trật tự xã hội giảm ít nhất 5 % so với năm trước",
                             "Social-order crime down at least 5% on the year before"),
            "clearance": ("Tỷ lệ điều tra, khám phá trên 75 %", "Clearance above 75%"),
            "serious_clearance": ("Điều tra, khám phá án rất nghiêm trọng, đặc biệt nghiêm trọng trên 90 %",
                                  "Clearance of very serious and especially serious cases above 90%"),
            "reports_resolved": ("Giải quyết trên 90 % tố giác, tin báo về tội phạm", "Over 90% of crime reports resolved"),
            "accident_change": ("Tai nạn giao thông giảm so với năm trước", "Traffic accidents down on the year before"),
        ]
        guard let n = names[key] else { return key }
        return lang == .vi ? n.0 : n.1
    }

    /// Names of the model-ward criteria.
    static func criterionName(_ key: String, _ lang: ReportLanguage) -> String {
        let names: [String: (String, String)] = [
            "crime_change": ("tội phạm giảm ít nhất 5 %", "crime down at least 5%"),
            "clearance": ("điều tra, khám phá trên 75 %", "clearance above 75%"),
            "serious_clearance": ("điều tra, khám phá án rất nghiêm trọng trên 90 %", "serious-case clearance above 90%"),
            "no_hot_cells": ("không có ô điểm nóng 95 %", "no 95% hot cell"),
            "coverage": ("camera phủ đủ vụ việc", "enough camera coverage"),
            "rate": ("tỷ lệ vụ việc không quá trung vị", "incident rate at most the median"),
        ]
        guard let n = names[key] else { return key }
        return lang == .vi ? n.0 : n.1
    }
}
