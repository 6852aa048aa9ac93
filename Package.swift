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
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // Models, requests, validation and wire formats: what Twilio's API is, with no HTTP client.
        .target(name: "TwilioModels"),
        // The shared API client: transport, credentials, retries, paging, polls.
        .target(
            name: "TwilioConferences",
            dependencies: [
                "TwilioModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "ConferenceSimulator",
            dependencies: [
                "TwilioModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Pure: the dashboard's state, reducer, boxes and view into a cell grid. No I/O, no TOML, no ncurses.
        .target(name: "DashboardCore", dependencies: ["TwilioModels"]),
        .target(
            name: "CNCurses",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("util")]
        ),
        .target(name: "CursesUI", dependencies: ["DashboardCore", "CNCurses"]),
        // The running dashboard: the UI loop, the poller, effects, the audit trail, the settings files.
        .target(
            name: "DashboardApp",
            dependencies: [
                "DashboardCore", "CursesUI", "TwilioModels", "TwilioConferences",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // What the commands share: API options, one-line failures, output.
        .target(
            name: "CommandLineSupport",
            dependencies: [
                "TwilioModels", "TwilioConferences", "DashboardCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `confwatch bench`: the measurements, apart from the product's types.
        .target(
            name: "Benchmarks",
            dependencies: [
                "CommandLineSupport", "DashboardCore", "CursesUI", "CNCurses", "TwilioModels", "TwilioConferences",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "confwatch",
            dependencies: [
                "TwilioModels",
                "TwilioConferences",
                "DashboardCore",
                "CursesUI",
                "DashboardApp",
                "ConferenceSimulator",
                "CommandLineSupport",
                "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["BuildCommit"]
        ),
        // Tells `--version` the git commit it was built from.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .target(
            name: "TestSupport",
            dependencies: ["TwilioModels", "TwilioConferences", "ConferenceSimulator"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "TwilioModelsTests",
            dependencies: ["TwilioModels", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "TwilioConferencesTests",
            dependencies: [
                "TwilioModels", "TwilioConferences", "ConferenceSimulator", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DashboardCoreTests",
            dependencies: ["DashboardCore", "TwilioModels", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DashboardAppTests",
            dependencies: [
                "DashboardApp", "DashboardCore", "CursesUI", "ConferenceSimulator", "TwilioModels", "TwilioConferences", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ConferenceSimulatorTests",
            dependencies: [
                "ConferenceSimulator", "TwilioModels", "TwilioConferences", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
