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
        // Pure numeric MCLP/LSCP solver over a sparse coverage matrix (no geometry).
        .target(name: "Optimizer"),
        // Gi*, Local Moran, KDE, emerging hot spots, held-out evaluation.
        .target(name: "HotSpots", dependencies: ["GeoKit"]),
        // Camera catalog, DORI ranges, footprints with occlusion, coverage matrix builder.
        .target(name: "Coverage", dependencies: ["GeoKit", "Optimizer"]),
        // Accident classes, black spots on road segments, gateways and cordons (directive item 4).
        .target(name: "Traffic", dependencies: ["GeoKit", "Coverage", "Optimizer"]),
        // Scenarios, comparison, model-ward ranking, directive scorecard, GeoPackage hand-off.
        .target(name: "Planner", dependencies: [
            "GeoKit", "HotSpots", "Coverage", "Optimizer", "Traffic",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The command-line verbs (thin: parsing, wiring, exit codes).
        .target(name: "CamplanCLI", dependencies: [
            "GeoKit", "HotSpots", "Coverage", "Optimizer", "Planner",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "camplan", dependencies: ["CamplanCLI"]),

        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OptimizerTests", dependencies: ["Optimizer"]),
        .testTarget(name: "HotSpotsTests", dependencies: ["HotSpots", "GeoKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "GeoKit", "Optimizer"]),
        .testTarget(name: "TrafficTests", dependencies: ["Traffic", "Coverage", "GeoKit", "Optimizer"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "GeoKit", "Coverage", "HotSpots", "Optimizer"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CamplanCLITests", dependencies: ["CamplanCLI", "GeoKit"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
