import Foundation

/// What one pass of the ``Pipeline`` produced for one scenario (or one verb): the output
/// artifacts read it.
public struct PlanProducts: Sendable {
    /// The scenario name (the verb's name for a single verb).
    public var name: String
    public var description: String?
    public var settings: PlanSettings
    public var criteria: ModelWardCriteria
    public var hot: HotSpotOutcome?
    public var placement: PlacementOutcome?
    /// Per-ward figures (hot-spot stage), with the plan's covered share when a placement ran;
    /// empty without hot spots.
    public var records: [WardRecord]
    /// The model-ward lists, when the ranking ran.
    public var ranks: [RankedWard]?
    /// Stages left out and why (printed as notes).
    public var notes: [String]
    /// What may make this result wrong without being an error: the study data's warnings
    /// (loaders), the hot-spot analysis's and the ranking's. Printed, and kept in
    /// `summary.json` `warnings`.
    public var warnings: [String] = []

    public init(name: String, description: String? = nil, settings: PlanSettings, criteria: ModelWardCriteria = .init()) {
        self.name = name
        self.description = description
        self.settings = settings
        self.criteria = criteria
        self.records = []
        self.notes = []
    }
}
