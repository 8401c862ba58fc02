import Foundation
import GeoKit
import Testing
@testable import Planner
#if canImport(Glibc)
import Glibc
#endif

@Suite("OutputStaging: whole-folder commit and recovery")
struct OutputStagingTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("camplan-staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func names(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// The pid of a process that has ended (a child that ran /bin/true and was reaped).
    func deadPid() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func commitReplacesTheFolderAsAWhole() throws {
        let dir = try tempDir(), out = dir + "/out"
        let first = try OutputStaging(destination: out)
        try first.write("old\n", to: "a.txt")
        try first.write("old\n", to: "sub/b.txt")
        try first.commit()
        #expect(names(out) == [OutputStaging.markerName, "a.txt", "sub"])
        let second = try OutputStaging(destination: out)
        try second.write("new\n", to: "c.txt")
        // Until the commit the earlier outputs are untouched.
        #expect(names(out) == [OutputStaging.markerName, "a.txt", "sub"])
        try second.commit()
        #expect(names(out) == [OutputStaging.markerName, "c.txt"])
        #expect(names(dir) == ["out"])
    }

    @Test func anUncommittedStagingFolderLeavesNothing() throws {
        let dir = try tempDir(), out = dir + "/out"
        do {
            let s = try OutputStaging(destination: out)
            try s.write("x", to: "a.txt")
        }
        #expect(names(dir).isEmpty)
    }

    @Test func deadStagingFoldersGoLiveOnesStay() throws {
        let dir = try tempDir(), out = dir + "/out"
        let pid = try deadPid()
        // A dead run's staging folder, of this version (with a marker nobody locks) and of
        // an older one (no marker).
        let dead = dir + "/.out.partial-\(pid)", legacy = dir + "/.out.partial-\(pid &+ 1_000_000)"
        for d in [dead, legacy] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try "x".write(toFile: dead + "/" + OutputStaging.markerName, atomically: false, encoding: .utf8)
        // A live run's staging folder: its marker locked through another open file description.
        let live = dir + "/.out.partial-1"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        try "x".write(toFile: live + "/" + OutputStaging.markerName, atomically: false, encoding: .utf8)
        let fd = open(live + "/" + OutputStaging.markerName, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let s = try OutputStaging(destination: out)
        let me = ProcessInfo.processInfo.processIdentifier
        #expect(names(dir) == [".out.partial-1", ".out.partial-\(me)"])
        try s.commit()
        #expect(names(dir) == [".out.partial-1", "out"])
    }

    @Test func anInterruptedFallbackSwapIsUndone() throws {
        let dir = try tempDir(), out = dir + "/out"
        let s = try OutputStaging(destination: out)
        try s.write("old\n", to: "a.txt")
        try s.commit()
        // Killed between "OUT → .OUT.old-PID" and "staging → OUT".
        let pid = try deadPid()
        #expect(rename(out, dir + "/.out.old-\(pid)") == 0)
        try FileManager.default.createDirectory(atPath: dir + "/.out.partial-\(pid)", withIntermediateDirectories: true)
        let next = try OutputStaging(destination: out)
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "old\n")
        #expect(names(dir) == [".out.partial-\(ProcessInfo.processInfo.processIdentifier)", "out"])
        _ = next
    }

    @Test func refusals() throws {
        let dir = try tempDir()
        try "w".write(toFile: dir + "/wards.geojson", atomically: true, encoding: .utf8)
        #expect(throws: GeoError.self) { try OutputStaging(destination: "") }
        #expect(throws: GeoError.self) { try OutputStaging(destination: dir, inputs: [dir + "/wards.geojson"]) }
        #expect(throws: GeoError.self) { try OutputStaging(destination: dir + "/wards.geojson", inputs: [dir + "/wards.geojson"]) }
        // A folder that holds files and no marker.
        #expect(throws: GeoError.self) { try OutputStaging(destination: dir) }
        // A file where the folder should be.
        #expect(throws: GeoError.self) { try OutputStaging(destination: dir + "/wards.geojson") }
        #expect(try String(contentsOfFile: dir + "/wards.geojson", encoding: .utf8) == "w")
        // A sibling folder whose name starts like the input's folder is fine.
        _ = try OutputStaging(destination: dir + "/wards", inputs: [dir + "/wards.geojson"])
    }
}
