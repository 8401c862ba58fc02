import ArgumentParser
import Foundation
import GeoKit
import Planner

/// The input options every verb shares (`@OptionGroup var input: InputOptions`): ward
/// boundaries, incidents, CRSs and field names.
public struct InputOptions: ParsableArguments {
    /// The embedded Tiền Giang boundaries, relative to the working directory.
    public static let defaultWardsPath = "geodata/tien-giang/wards.geojson"

    @Option(name: .long, help: ArgumentHelp("Ward boundaries: any OGR polygon layer (GeoJSON, Shapefile, GeoPackage, TAB, KML); default: \(InputOptions.defaultWardsPath), except for place, which then works on the box around --candidates.", valueName: "file"))
    public var wards: String?

    /// The boundary file: `--wards`, else the embedded Tiền Giang wards.
    public var wardsFile: String { wards ?? InputOptions.defaultWardsPath }

    @Option(name: .long, help: ArgumentHelp("Layer of the boundary file (default: the first).", valueName: "name"))
    public var wardsLayer: String?

    @Option(name: .long, help: ArgumentHelp("Incident points: CSV/XLSX with coordinate columns, or any OGR point layer.", valueName: "file"))
    public var incidents: String?

    @Option(name: .long, help: ArgumentHelp("Layer or sheet of the incident file (default: the first).", valueName: "name"))
    public var incidentsLayer: String?

    @Option(name: .long, help: ArgumentHelp("CRS of inputs that carry none (CSV, XLSX, shapefile without .prj); default for incident tables: EPSG:4326.", valueName: "crs"))
    public var crs: String?

    @Option(name: .long, help: ArgumentHelp("Metric CRS to work in (e.g. EPSG:3405 for VN-2000 / UTM 48N); default: the UTM zone of the wards.", valueName: "crs"))
    public var workCrs: String?

    @Option(name: .long, help: ArgumentHelp("Ward identifier field (default: ward_code when present).", valueName: "field"))
    public var wardId: String?

    @Option(name: .long, help: ArgumentHelp("Ward name field (default: ward_name when present).", valueName: "field"))
    public var wardName: String?

    @Option(name: .long, help: ArgumentHelp("Field to group wards by (default: district_name when present).", valueName: "field"))
    public var groupBy: String?

    @Option(name: .long, help: ArgumentHelp("Incident x/longitude column (default: lon, lng, longitude, x, kinh_do, ...).", valueName: "field"))
    public var xField: String?

    @Option(name: .long, help: ArgumentHelp("Incident y/latitude column (default: lat, latitude, y, vi_do, ...).", valueName: "field"))
    public var yField: String?

    @Option(name: .long, help: ArgumentHelp("Incident identifier column (default: id).", valueName: "field"))
    public var idField: String?

    @Option(name: .long, help: ArgumentHelp("Incident date column, yyyy-mm-dd or dd/mm/yyyy (default: date, ngay).", valueName: "field"))
    public var dateField: String?

    @Option(name: .long, help: ArgumentHelp("Incident category column (default: category).", valueName: "field"))
    public var categoryField: String?

    @Option(name: .long, help: ArgumentHelp("Incident severity column (default: severity).", valueName: "field"))
    public var severityField: String?

    @Option(name: .long, help: ArgumentHelp("Incident solved yes/no column (default: solved).", valueName: "field"))
    public var solvedField: String?

    @Option(name: .long, help: ArgumentHelp("Numeric column multiplying each incident's severity weight (default 1: incidents weigh 1/2/4/8 by severity).", valueName: "field"))
    public var weightField: String?

    @Option(name: .long, help: ArgumentHelp("Plausible incident dates FIRST..LAST (yyyy-mm-dd or dd/mm/yyyy; a side may be empty); rows dated outside are rejected (default: 2000-01-01 to today).", valueName: "first..last"))
    public var dateWindow: String?

    @Option(name: .long, help: ArgumentHelp("Character set of a CSV incident file that is not UTF-8, e.g. windows-1258 or latin1 (default: UTF-8 is required).", valueName: "name"))
    public var encoding: String?

    public init() {}

    public mutating func validate() throws {
        if let dateWindow {
            do { _ = try DateWindow(parsing: dateWindow) } catch { throw ValidationError("--date-window \(dateWindow): \(error.description)") }
        }
        for (flag, value) in [("--crs", crs), ("--work-crs", workCrs)] {
            guard let value else { continue }
            do {
                _ = try CRS(value)
            } catch {
                throw ValidationError("\(flag) \(value): \(error.description)")
            }
        }
        if let workCrs, let crs = try? CRS(workCrs), crs.isGeographic || crs.linearUnitToMeters != 1 {
            throw ValidationError("--work-crs \(workCrs) is not a projected CRS in metres (try a UTM zone such as EPSG:32648, or EPSG:3405 for VN-2000)")
        }
        if (xField == nil) != (yField == nil) {
            throw ValidationError("--x-field and --y-field go together")
        }
        let incidentFlags = [xField, idField, dateField, categoryField, severityField, solvedField, weightField, incidentsLayer,
                             dateWindow, encoding]
        if incidents == nil, incidentFlags.contains(where: { $0 != nil }) {
            throw ValidationError("the incident field options need --incidents")
        }
    }

    /// Boundary options from the flags (CRSs were checked in `validate()`).
    public func boundaryOptions() throws(GeoError) -> BoundaryOptions {
        BoundaryOptions(layer: wardsLayer, idField: wardId, nameField: wardName, groupField: groupBy,
                        sourceCRS: try crs.map { (s) throws(GeoError) in try CRS(s) },
                        workCRS: try workCrs.map { (s) throws(GeoError) in try CRS(s) })
    }

    /// Incident options from the flags.
    public func incidentOptions() throws(GeoError) -> IncidentOptions {
        var o = IncidentOptions(layer: incidentsLayer, xField: xField, yField: yField,
                                sourceCRS: try crs.map { (s) throws(GeoError) in try CRS(s) },
                                idField: idField, dateField: dateField, categoryField: categoryField,
                                severityField: severityField, solvedField: solvedField, weightField: weightField)
        if let dateWindow { o.dateWindow = try DateWindow(parsing: dateWindow) }
        o.encoding = encoding
        return o
    }

    /// The study inputs of a verb that needs incidents (checked in its `validate()`); `wards`
    /// `nil` means "no boundaries" (only `place` allows it).
    public func studyInputs(wards: String?) throws(GeoError) -> StudyInputs {
        StudyInputs(wards: wards, incidents: incidents ?? "", boundaryOptions: try boundaryOptions(),
                    incidentOptions: try incidentOptions())
    }

    /// Loads the boundaries and, when given, the incidents.
    public func load() throws(GeoError) -> (BoundarySet, IncidentSet?) {
        let boundaries = try BoundaryLoader.load(wardsFile, options: boundaryOptions())
        let incidentSet = try incidents.map { (file) throws(GeoError) in
            try IncidentLoader.load(file, options: incidentOptions(), boundaries: boundaries)
        }
        return (boundaries, incidentSet)
    }
}

/// Runs `body`, turning a data error (``GeoError`` and the error enums of the other layers)
/// into one line on stderr and exit code 65 (EX_DATAERR; 73 EX_CANTCREAT for a failed write).
func reportingDataErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GeoError {
        FileHandle.standardError.write(Data(("camplan: " + error.description + "\n").utf8))
        if case .writeFailed = error { throw ExitCode(73) }
        throw ExitCode(65)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as CustomStringConvertible & Error {
        // PlannerError, HotSpotError, CoverageError, OptimizerError: one line, exit 65.
        FileHandle.standardError.write(Data(("camplan: " + error.description + "\n").utf8))
        throw ExitCode(65)
    }
}
