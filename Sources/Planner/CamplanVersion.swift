import GeoKit

/// camplan's version and the versions of the C libraries it runs with: what a bug report
/// needs. Printed by `camplan --version`, written in every page's footer and in
/// `summary.json` (`software`).
public enum CamplanVersion {
    /// camplan's own version (semantic versioning; raised with each release).
    public static let camplan = "0.9.0"

    /// Name and version of each component, camplan first.
    public static var components: [(String, String)] {
        [("camplan", camplan), ("GEOS", CLibraries.geosVersion), ("PROJ", CLibraries.projVersion), ("GDAL", CLibraries.gdalVersion)]
    }

    /// `camplan 0.9.0, GEOS 3.11.1, PROJ 9.1.1, GDAL 3.6.2`.
    public static var line: String { components.map { "\($0.0) \($0.1)" }.joined(separator: ", ") }

    /// The same as a JSON object for `summary.json`.
    public static var dictionary: [String: String] { Dictionary(uniqueKeysWithValues: components.map { ($0.0.lowercased(), $0.1) }) }
}
