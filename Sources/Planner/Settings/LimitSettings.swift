import GeoKit

/// Settings that bound what a run may use: the memory budget (`max_memory`,
/// `--max-memory`). The hot-spot, site and coverage stages estimate their largest
/// allocations (neighbour pairs, candidate sites, facilities, coverage non-zeros) and refuse
/// a run above it with the estimate and what to change (``MemoryBudget``).
public struct LimitSettings: Sendable, Hashable, StageSettings {
    /// `nil`: ``MemoryBudget/defaultShare`` of the machine's physical memory.
    public var maxMemory: MemoryBudget?

    public init() {}

    /// The budget in force.
    public var memoryBudget: MemoryBudget { maxMemory ?? .machineDefault }

    public static var settings: [Setting<LimitSettings>] {
        [
            .optional("max_memory", flag: "max-memory", \.maxMemory,
                      help: "Memory a run may plan to use, e.g. 8GB, 512MB or 50% (of physical memory); larger runs are refused with "
                        + "the estimate and what to change. 'auto': \(Int(MemoryBudget.defaultShare * 100))% of physical memory.",
                      valueName: "size|auto", unsetWord: "auto", unsetText: "auto"),
        ]
    }
}

extension MemoryBudget: SettingType {
    public static func parse(_ text: String) throws(SettingProblem) -> MemoryBudget {
        do {
            return try MemoryBudget(parsing: text)
        } catch {
            throw SettingProblem("expected \(expectation), found '\(text)'")
        }
    }
    public var settingText: String { description }
    public static var expectation: String { "a memory size such as 8GB, 512MB or 50%" }
}
