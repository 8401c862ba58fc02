import Foundation

/// One named output (`--formats NAME`, `formats: [NAME]`) and its one writer.
///
/// `write` writes the artifact of one scenario into ``ArtifactContext/folder``; `writeRun`
/// writes an artifact that spans the scenarios of a run (the comparison, the scorecard,
/// the rejected rows) into the run's folder. A single verb is a run of one scenario in a
/// flat folder: it calls `write` when there is one, else `writeRun`. Both return the files
/// written, relative to the output folder; none when the artifact does not apply (no
/// placement for `cameras`, no wards for `groups`).
public struct OutputArtifact: Sendable {
    public let name: String
    /// One line for `--help` and the README: what the files hold.
    public let summary: String
    public let write: (@Sendable (ArtifactContext) throws -> [String])?
    public let writeRun: (@Sendable (RunArtifactContext) throws -> [String])?
    /// For an artifact that exists only under a setting: why a scenario's products give it
    /// nothing to write (`nil` when they do), so an explicit request is not met by silence.
    public let unavailable: (@Sendable (PlanProducts) -> String?)?

    public init(name: String, summary: String, write: (@Sendable (ArtifactContext) throws -> [String])? = nil,
                writeRun: (@Sendable (RunArtifactContext) throws -> [String])? = nil,
                unavailable: (@Sendable (PlanProducts) -> String?)? = nil) {
        self.name = name
        self.summary = summary
        self.write = write
        self.writeRun = writeRun
        self.unavailable = unavailable
    }
}
