import Foundation
import Testing

/// The README shows the shipped scenario file; the copy must be the file, so that what a
/// planner reads is what `scripts/demo` runs.
@Test func readmeShowsTheShippedScenarioFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let file = try String(contentsOf: root.appendingPathComponent("geodata/tien-giang/scenarios.yaml"), encoding: .utf8)
    let body = try #require(file.range(of: "inputs:")).lowerBound
    let marker = "The shipped `geodata/tien-giang/scenarios.yaml`"
    let section = try #require(readme.range(of: marker))
    let open = try #require(readme.range(of: "```yaml\n", range: section.upperBound ..< readme.endIndex))
    let close = try #require(readme.range(of: "```", range: open.upperBound ..< readme.endIndex))
    #expect(String(readme[open.upperBound ..< close.lowerBound]) == String(file[body...]))
}
