// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "camplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "camplan", targets: ["camplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, found by pkg-config; only GeoKit imports them.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev", "proj-data"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),

        // Geometry values, CRS transforms and vector I/O over GEOS, PROJ and GDAL/OGR.
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ", "CGDAL"]),
        // The one seeded generator (SplitMix64): pure Swift, no dependencies.
        .target(name: "SeededRandom"),
        // Pure numeric MCLP/LSCP solver over a sparse coverage matrix (no geometry).
        .target(name: "Optimizer", dependencies: ["SeededRandom"]),
        // Gi*, Local Moran, KDE, emerging hot spots, held-out evaluation.
        .target(name: "HotSpots", dependencies: ["GeoKit", "SeededRandom"]),
        // Camera catalog, DORI ranges, footprints with occlusion, coverage matrix builder.
        .target(name: "Coverage", dependencies: ["GeoKit", "Optimizer"]),
        // Accident classes, black spots on road segments, gateways and cordons (directive item 4).
        .target(name: "Traffic", dependencies: ["GeoKit", "Coverage", "Optimizer"]),
        // Scenarios, comparison, model-ward ranking, directive scorecard, GeoPackage hand-off.
        .target(name: "Planner", dependencies: [
            "GeoKit", "HotSpots", "Coverage", "Optimizer", "Traffic",
            .product(name: "Yams", package: "Yams"),
        ]),
        // All benchmark code: synthetic instances, timed cases and the hidden `bench` verb
        // (scripts/bench); no product module depends on it.
        .target(name: "CamplanBench", dependencies: [
            "GeoKit", "HotSpots", "Coverage", "Optimizer", "SeededRandom",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The command-line verbs (thin: parsing, wiring, exit codes).
        .target(name: "CamplanCLI", dependencies: [
            "GeoKit", "HotSpots", "Coverage", "Optimizer", "Planner", "CamplanBench",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "camplan", dependencies: ["CamplanCLI"]),

        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OptimizerTests", dependencies: ["Optimizer", "CamplanBench", "SeededRandom"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "HotSpotsTests", dependencies: ["HotSpots", "GeoKit", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "GeoKit", "Optimizer", "SeededRandom"]),
        .testTarget(name: "TrafficTests", dependencies: ["Traffic", "Coverage", "GeoKit", "Optimizer"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "GeoKit", "Coverage", "HotSpots", "Optimizer", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CamplanCLITests", dependencies: ["CamplanCLI", "CamplanBench", "GeoKit", "SeededRandom"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
