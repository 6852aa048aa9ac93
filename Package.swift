// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "confwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "confwatch", targets: ["confwatch"]),
        .library(name: "TwilioConferences", targets: ["TwilioConferences"]),
        .library(name: "ConferenceSimulator", targets: ["ConferenceSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .target(
            name: "TwilioConferences",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ConferenceSimulator",
            dependencies: [
                "TwilioConferences",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "DashboardCore",
            dependencies: ["TwilioConferences", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "CNCurses",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("util")]
        ),
        .target(
            name: "CursesUI",
            dependencies: ["DashboardCore", "CNCurses"]
        ),
        .target(
            name: "DashboardApp",
            dependencies: ["DashboardCore", "CursesUI", "TwilioConferences", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "confwatch",
            dependencies: [
                "TwilioConferences",
                "DashboardCore",
                "DashboardApp",
                "ConferenceSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["TwilioConferences", "ConferenceSimulator"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "TwilioConferencesTests",
            dependencies: ["TwilioConferences", "ConferenceSimulator", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "DashboardCoreTests",
            dependencies: ["DashboardCore", "TwilioConferences", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DashboardAppTests",
            dependencies: ["DashboardApp", "DashboardCore", "ConferenceSimulator", "TwilioConferences", "TestSupport"]
        ),
        .testTarget(
            name: "ConferenceSimulatorTests",
            dependencies: [
                "ConferenceSimulator", "TwilioConferences", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
