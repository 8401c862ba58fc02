import Coverage
import Foundation
import GeoKit
import HotSpots
import Optimizer

/// Coverage matrices already built in a run, keyed by what they depend on (sites, camera
/// types, DORI level, headings, demand points), so scenarios that differ only in budget,
/// weights or quotas share one build.
public final class CoverageCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (CoverageBuilder, CoverageBuildResult)] = [:]
    /// How many builds were reused.
    public private(set) var hits = 0

    public init() {}

    func value(_ key: String, make: () throws -> (CoverageBuilder, CoverageBuildResult)) rethrows -> (CoverageBuilder, CoverageBuildResult) {
        lock.lock()
        if let v = entries[key] { hits += 1; lock.unlock(); return v }
        lock.unlock()
        let v = try make()
        lock.lock()
        entries[key] = v
        lock.unlock()
        return v
    }
}
