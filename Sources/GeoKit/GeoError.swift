/// Everything that can go wrong in GeoKit, with what a user needs to fix it: the file, the
/// row or feature, the field and value, and what was expected.
public enum GeoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or no GDAL driver can open it.
    case unreadable(file: String, reason: String)
    /// The file opened but holds no features (or not the layer asked for).
    case empty(file: String, layer: String?)
    /// A required field is absent; `available` lists the fields the layer has.
    case missingField(file: String, field: String, available: [String])
    /// A value could not be used (row is 1-based as a spreadsheet user counts; for a header
    /// line in CSV, the first data row is row 2).
    case badValue(file: String, row: Int, field: String, value: String, expected: String)
    /// The geometry is of the wrong kind for this input.
    case wrongGeometry(file: String, feature: Int, found: String, expected: String)
    /// No CRS could be determined and none was given with `--crs`.
    case unknownCRS(file: String)
    /// PROJ could not build or run a transformation.
    case projection(String)
    /// GEOS failed on an operation.
    case geometry(String)
    /// Writing an output failed; nothing was left at `file`.
    case writeFailed(file: String, reason: String)
    /// A generic input problem with a full message.
    case invalidInput(String)
    /// A stage would need more memory than ``MemoryBudget`` allows (`--max-memory`).
    case overMemoryBudget(what: String, count: Double, estimatedBytes: Double, budgetBytes: Double, change: String)
    /// Text that is not valid UTF-8 and no `--encoding` was given (`line` 1-based; for a
    /// non-CSV format, the row or feature number).
    case encoding(file: String, line: Int, detail: String)
    /// A delimited text file whose rows do not line up with its header.
    case malformedTable(file: String, line: Int, reason: String)

    /// This error with `hint` appended (e.g. the other layers of a multi-layer file); itself
    /// when `hint` is `nil`.
    public func adding(_ hint: String?) -> GeoError {
        guard let hint else { return self }
        return .invalidInput("\(description); \(hint)")
    }

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): cannot read: \(reason)"
        case let .empty(file, layer): "\(file): no features\(layer.map { " in layer '\($0)'" } ?? "")"
        case let .missingField(file, field, available):
            "\(file): no field '\(field)'; fields are: \(available.joined(separator: ", "))"
        case let .badValue(file, row, field, value, expected):
            "\(file): row \(row), field '\(field)': '\(value)' is not \(expected)"
        case let .wrongGeometry(file, feature, found, expected):
            "\(file): feature \(feature) is a \(found), expected \(expected)"
        case let .unknownCRS(file):
            "\(file): no coordinate reference system in the file; give one with --crs (e.g. EPSG:4326)"
        case let .projection(m): "projection error: \(m)"
        case let .geometry(m): "geometry error: \(m)"
        case let .writeFailed(file, reason): "\(file): cannot write: \(reason)"
        case let .invalidInput(m): m
        case let .overMemoryBudget(what, count, estimated, budget, change):
            "about \(Self.count(count)) \(what) would need about \(MemoryBudget.format(estimated)), more than the memory budget of "
                + "\(MemoryBudget.format(budget)) (--max-memory, default \(Int(MemoryBudget.defaultShare * 100))% of physical memory); \(change)"
        case let .encoding(file, line, detail):
            "\(file): line \(line) is not valid UTF-8 (\(detail)); the file seems to be in a legacy code page: give its encoding with --encoding (e.g. --encoding windows-1258 for Vietnamese Windows, --encoding latin1), or save it as UTF-8"
        case let .malformedTable(file, line, reason): "\(file): line \(line) has \(reason)"
        }
    }

    /// `1.3 billion`, `42 million`, `12,345`.
    static func count(_ v: Double) -> String {
        if v >= 1e9 { return String(format: "%.1f billion", v / 1e9) }
        if v >= 1e6 { return String(format: "%.1f million", v / 1e6) }
        return "\(Int(v.rounded()))"
    }
}
