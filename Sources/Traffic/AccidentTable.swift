import GeoKit

/// Traffic accidents, struct-of-arrays in the working CRS: where, when, which class, and
/// deaths and injuries when the file gives them. Loaded with the incident loader (same
/// coordinate columns, CRS handling and rejected rows), then each row's class is read from
/// the severity column (``AccidentClass/parse(_:)``) or from the deaths and injuries columns.
public struct AccidentTable: Sendable {
    public var file: String
    public var points: PlanarPointSet
    public var ids: [String]
    public var years: [Int?]
    public var classes: [AccidentClass]
    /// Deaths per accident, `nil` without a deaths column.
    public var deaths: [Int]?
    /// Injured people per accident, `nil` without an injuries column.
    public var injuries: [Int]?
    /// Source row of each accident (as ``Rejection/row`` counts rows).
    public var rows: [Int]
    /// The loaded incident set (ward of each accident, rejected rows).
    public var incidents: IncidentSet

    /// Column names tried for deaths and injuries (case-insensitive).
    public static let deathFields = ["deaths", "killed", "so_nguoi_chet", "nguoi_chet", "so_chet", "chet"]
    public static let injuryFields = ["injuries", "injured", "so_nguoi_bi_thuong", "nguoi_bi_thuong", "bi_thuong"]

    public var count: Int { points.count }

    /// Whether accident `i` killed someone: deaths > 0 when deaths are known, else its class
    /// is nghiêm trọng or graver.
    public func isFatal(_ i: Int) -> Bool {
        if let deaths { return deaths[i] > 0 }
        return classes[i].impliesDeath
    }

    /// The demand weight of every accident.
    public func weights(_ w: AccidentWeights) -> [Double] { classes.map { w[$0] } }

    /// Builds the table from loaded incidents and the raw deaths/injuries columns (indexed
    /// like `incidents.rows` through `rowIndex`).
    /// - Throws: ``GeoError/badValue(file:row:field:value:expected:)`` naming the first row
    ///   whose class, deaths or injuries cannot be read, or whose class is missing while no
    ///   deaths column could stand in.
    public init(incidents inc: IncidentSet, deathColumn: (name: String, values: [FieldValue])? = nil,
                injuryColumn: (name: String, values: [FieldValue])? = nil, rowIndex: (Int) -> Int = { $0 }) throws {
        func count(_ column: (name: String, values: [FieldValue]), _ i: Int) throws -> Int {
            let v = column.values[rowIndex(inc.rows[i])]
            if case .null = v { return 0 }
            let s = v.stringValue ?? ""
            if s.trimmingCharacters(in: .whitespaces).isEmpty { return 0 }
            guard let d = v.doubleValue, d.isFinite, d >= 0, d == d.rounded(), d < 1e6 else {
                throw GeoError.badValue(file: inc.file, row: inc.rows[i], field: column.name, value: s,
                                        expected: "a whole number of people >= 0")
            }
            return Int(d)
        }
        var classes: [AccidentClass] = []
        var deaths: [Int]? = deathColumn == nil ? nil : []
        var injuries: [Int]? = injuryColumn == nil ? nil : []
        classes.reserveCapacity(inc.count)
        for i in 0 ..< inc.count {
            let d = try deathColumn.map { try count($0, i) }
            let h = try injuryColumn.map { try count($0, i) }
            if let d { deaths?.append(d) }
            if let h { injuries?.append(h) }
            let text = inc.severities[i]
            if let c = AccidentClass.parse(text) {
                classes.append(c)
            } else if text.trimmingCharacters(in: .whitespaces).isEmpty, let d {
                classes.append(AccidentClass.from(deaths: d, injuries: h ?? 0))
            } else {
                throw GeoError.badValue(file: inc.file, row: inc.rows[i], field: "severity", value: text,
                                        expected: AccidentClass.expectedText)
            }
        }
        file = inc.file
        points = inc.points
        ids = inc.ids
        years = inc.years
        self.classes = classes
        self.deaths = deaths
        self.injuries = injuries
        rows = inc.rows
        incidents = inc
    }

    /// Reads an accident file against `boundaries` (rows outside every ward are rejected as
    /// for incidents).
    /// - Parameters:
    ///   - deathField, injuryField: column names; default the first of ``deathFields`` /
    ///     ``injuryFields`` present, none when absent.
    /// - Throws: the loader's errors and those of ``init(incidents:deathColumn:injuryColumn:rowIndex:)``.
    public static func load(_ file: String, options: IncidentOptions = IncidentOptions(), boundaries: BoundarySet,
                            deathField: String? = nil, injuryField: String? = nil) throws -> AccidentTable {
        let inc = try IncidentLoader.load(file, options: options, boundaries: boundaries)
        let table = try VectorReader.readTable(file, layer: options.layer)
        func column(_ asked: String?, _ names: [String]) throws -> (name: String, values: [FieldValue])? {
            if let asked {
                guard let f = table.field(named: asked), let v = table.column(f.name) else {
                    throw GeoError.missingField(file: file, field: asked, available: table.fields.map(\.name))
                }
                return (f.name, v)
            }
            for n in names { if let f = table.field(named: n), let v = table.column(f.name) { return (f.name, v) } }
            return nil
        }
        let deaths = try column(deathField, deathFields)
        let injuries = try column(injuryField, injuryFields)
        // Row numbers back to feature indices (1-based with a header row for tables).
        let offset = table.rowNumber(ofFeature: 0)
        return try AccidentTable(incidents: inc, deathColumn: deaths, injuryColumn: injuries, rowIndex: { $0 - offset })
    }
}
