import Foundation

/// One line of `camplan bench` output: named fields in insertion order, rendered as JSON.
struct BenchRecord: Sendable {
    private var fields: [(String, String)] = []
    /// The benchmark area (first field).
    let area: String

    init(area: String, case name: String) {
        self.area = area
        add("area", area)
        add("case", name)
    }

    mutating func add(_ key: String, _ value: String) {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        fields.append((key, "\"\(escaped)\""))
    }

    mutating func add(_ key: String, _ value: Int) { fields.append((key, String(value))) }

    mutating func add(_ key: String, _ value: Bool) { fields.append((key, value ? "true" : "false")) }

    /// Adds a number with up to 6 significant decimals; non-finite values become `null`.
    mutating func add(_ key: String, _ value: Double) {
        fields.append((key, Self.number(value)))
    }

    /// Adds a value that is already JSON (an array or object).
    mutating func addJSON(_ key: String, _ json: String) { fields.append((key, json)) }

    /// A number as JSON with up to 6 decimals; non-finite values become `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    /// The record as one JSON object line.
    var json: String { "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}" }

    /// Peak resident set of this process (VmHWM in /proc/self/status), MB; -1 where unavailable.
    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }
}
