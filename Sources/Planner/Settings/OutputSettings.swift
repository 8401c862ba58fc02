import Foundation
import GeoKit

/// Settings of the output stage: which named artifacts (``OutputRegistry``) to write.
public struct OutputSettings: Sendable, Equatable, StageSettings {
    /// Artifact names; `nil`: the verb's usual set (``Verb/defaultArtifacts``).
    public var formats: [String]?
    /// Also write the incident points (the `incidents` artifact). Incident data are
    /// sensitive: by default only cells and wards leave camplan.
    public var rawPoints = false
    /// K of small-count suppression (``SmallCountSuppression``): cell and ward counts from 1
    /// to K − 1 are blanked in the exported layers; 0 = publish every count.
    public var minCellCount = 0

    /// The suppression in force.
    public var suppression: SmallCountSuppression { (try? SmallCountSuppression(minimumCount: minCellCount)) ?? .off }
    /// Language of the pages and spreadsheets (machine files keep English field names).
    public var lang: ReportLanguage = .vi
    /// CRS of the GeoPackage and Shapefile exports (`nil`: WGS 84); GeoJSON stays WGS 84
    /// (RFC 7946). E.g. `EPSG:3405`, VN-2000 / UTM zone 48N.
    public var outCRS: String?

    public init() {}

    public func validate() throws(SettingProblem) {
        if let c = outCRS {
            do { _ = try CRS(c) } catch { throw SettingProblem("'\(c)' is not a CRS PROJ knows: \(error)", key: "out_crs") }
        }
        for name in formats ?? [] where OutputRegistry.artifact(named: name) == nil {
            throw SettingProblem("'\(name)' is not an output; outputs are: \(OutputRegistry.names.joined(separator: ", "))", key: "formats")
        }
    }

    public static var settings: [Setting<OutputSettings>] {
        [
            .list("formats", \.formats, help: "Outputs to write, by name: \(OutputRegistry.names.joined(separator: ", ")).",
                  valueName: "name", unsetText: "the verb's usual files"),
            .flag("raw_points", \.rawPoints,
                  help: "Also write the incident points (incidents.geojson). Incident data are sensitive: by default only cells and wards leave camplan."),
            .value("min_cell_count", flag: "min-cell-count", \.minCellCount,
                   help: "Blank incident counts from 1 to K-1 (and the figures that reveal them) in exported cells and wards, for sharing; the analysis uses the true counts (0 = off).",
                   valueName: "k", check: .atLeast(0)),
            .value("lang", \.lang, help: "Language of the pages and spreadsheets (report.html, *.xlsx); vi is Vietnamese.",
                   valueName: "lang"),
            .optional("out_crs", \.outCRS, help: "CRS of the GeoPackage and Shapefile exports, e.g. EPSG:3405 (VN-2000 / UTM 48N); GeoJSON stays WGS 84.",
                      valueName: "crs", unsetWord: "EPSG:4326", unsetText: "EPSG:4326"),
        ]
    }
}

extension ReportLanguage: SettingChoice {
    public static var settingNoun: String { "a language" }
}
