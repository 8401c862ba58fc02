import Foundation

/// The memory a run may plan to use. Stages that allocate in proportion to a product of
/// options (neighbour pairs of hot-spot cells, facilities = sites × headings × types,
/// coverage non-zeros) estimate that size first and refuse, with the estimate and what to
/// change, when it is above the budget, instead of being killed by the allocator.
public struct MemoryBudget: Sendable, Hashable, CustomStringConvertible {
    /// Bytes.
    public var bytes: Double

    /// - Throws: ``GeoError/invalidInput(_:)`` for a budget that is not a positive number.
    public init(bytes: Double) throws(GeoError) {
        guard bytes.isFinite, bytes > 0 else { throw .invalidInput("a memory budget must be a positive number of bytes, got \(bytes)") }
        self.bytes = bytes
    }

    /// The share of physical memory the default budget takes.
    public static let defaultShare = 0.6

    /// The default: ``defaultShare`` of the machine's physical memory.
    public static var machineDefault: MemoryBudget {
        // physicalMemory > 0 on every supported system; the literal is a valid budget.
        (try? MemoryBudget(bytes: Double(ProcessInfo.processInfo.physicalMemory) * defaultShare)) ?? unlimited
    }

    /// No limit (for tests and benchmarks that measure the allocations themselves).
    public static let unlimited = MemoryBudget(unchecked: .infinity)

    private init(unchecked bytes: Double) { self.bytes = bytes }

    /// Parses `8GB`, `8G`, `512MB`, `1.5GiB`, `2000000000` (bytes) or `50%` (of the
    /// machine's physical memory). Units are powers of 1024; case is ignored.
    /// - Throws: ``GeoError/invalidInput(_:)`` naming the value and the expected form.
    public init(parsing text: String) throws(GeoError) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let expected = "'\(text)' is not a memory size; expected e.g. 8GB, 512MB or 50% (of physical memory)"
        if t.hasSuffix("%") {
            guard let p = Double(t.dropLast()), p > 0, p <= 100 else { throw .invalidInput(expected) }
            try self.init(bytes: Double(ProcessInfo.processInfo.physicalMemory) * p / 100)
            return
        }
        let gib = 1_073_741_824.0, mib = 1_048_576.0, kib = 1024.0
        let units: [(String, Double)] = [("gib", gib), ("mib", mib), ("kib", kib), ("gb", gib), ("mb", mib), ("kb", kib),
                                         ("g", gib), ("m", mib), ("k", kib), ("b", 1)]
        var number = Substring(t), scale = 1.0
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            number = t.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let v = Double(number.trimmingCharacters(in: .whitespaces)), v.isFinite, v > 0 else { throw .invalidInput(expected) }
        try self.init(bytes: v * scale)
    }

    /// Refuses a planned allocation above the budget.
    /// - Parameters:
    ///   - what: what is counted, e.g. "neighbour pairs of the hot-spot cells".
    ///   - count: how many of them (estimated).
    ///   - bytesEach: bytes per item, peak (growth and copies included).
    ///   - change: what the user can change, e.g. "use a larger --cell or a smaller --band".
    /// - Throws: ``GeoError/overMemoryBudget(what:count:estimatedBytes:budgetBytes:change:)``.
    public func require(_ what: String, count: Double, bytesEach: Double, change: String) throws(GeoError) {
        let estimate = count * bytesEach
        guard estimate <= bytes else {
            throw .overMemoryBudget(what: what, count: count, estimatedBytes: estimate, budgetBytes: bytes, change: change)
        }
    }

    public var description: String { Self.format(bytes) }

    /// `1.2 GB`, `350 MB`, `672 KB` (powers of 1024).
    public static func format(_ bytes: Double) -> String {
        if !bytes.isFinite { return "unlimited" }
        if bytes >= 1_073_741_824 { return String(format: "%.1f GB", bytes / 1_073_741_824) }
        if bytes >= 1_048_576 { return String(format: "%.0f MB", bytes / 1_048_576) }
        return String(format: "%.0f KB", bytes / 1024)
    }
}
