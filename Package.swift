// swift-tools-version:6.0
import PackageDescription

/// Exports `Sources/CCmarkInlineTables`' replacement of a cmark-gfm function from the binary, so
/// that the dynamic linker binds the library's own calls to it (see `cmark_inline_tables.c`).
/// Set on the targets that link a binary, `herald` and the tests, rather than on HeraldMarkdown,
/// whose linker settings would reach them too: there an unsafe flag would keep any other
/// package from ever depending on the stage targets. Only Linux's ELF linkers take the option.
let exportsInlineTablesOverride: [LinkerSetting] = [
    .unsafeFlags(
        ["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"],
        .when(platforms: [.linux]))
]

/// The stages call each other on hot paths (hashing view models, escaping, template lookups), and
/// only `-cross-module-optimization` lets the optimiser inline and specialise `package` code across
/// targets, as it could when they were one target (see Benchmarks/RESULTS.md for the measurement).
let crossModuleOptimization: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))
]

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `herald serve` uses its FlyingSocks library (async non-blocking sockets on epoll/kqueue, no SwiftNIO,
        // so a cold build stays short); HeraldServe reads and answers HTTP itself, to bound every request.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CAtomicSwap"),
        .target(name: "CCmarkInlineTables", dependencies: ["CCmarkGFM"]),
        // The pipeline, one target per stage; each imports only the stages before it.
        .target(name: "HeraldCore", swiftSettings: crossModuleOptimization),
        .target(name: "HeraldLoad", dependencies: ["HeraldCore"], swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldMarkdown", dependencies: ["HeraldCore", "CCmarkGFM", "CCmarkInlineTables"],
            swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldValidate",
            dependencies: [
                "HeraldCore", "HeraldLoad", "HeraldMarkdown", .product(name: "Yams", package: "Yams"),
            ], swiftSettings: crossModuleOptimization),
        .target(name: "HeraldDerive", dependencies: ["HeraldCore"], swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldTemplates", dependencies: ["HeraldCore"], swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldRender",
            dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldDerive", "HeraldTemplates"],
            swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldChanges", dependencies: ["HeraldCore", "HeraldDerive"],
            swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldWrite", dependencies: ["HeraldCore", "CAtomicSwap"],
            swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldBuild",
            dependencies: [
                "HeraldCore", "HeraldLoad", "HeraldMarkdown", "HeraldValidate", "HeraldDerive",
                "HeraldTemplates",
                "HeraldRender", "HeraldWrite",
            ], swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldAuthoring",
            dependencies: [
                "HeraldCore", "HeraldLoad", "HeraldValidate", "HeraldDerive", "HeraldRender", "HeraldBuild",
                .product(name: "Yams", package: "Yams"),
            ], swiftSettings: crossModuleOptimization),
        .target(
            name: "HeraldServe",
            dependencies: [
                "HeraldCore",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: crossModuleOptimization
        ),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldCore", "HeraldLoad", "HeraldMarkdown", "HeraldValidate", "HeraldDerive",
                "HeraldRender", "HeraldChanges",
                "HeraldWrite", "HeraldBuild", "HeraldAuthoring",
                "HeraldServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: exportsInlineTablesOverride
        ),
        // Test targets, one per stage that has tests, over shared fixtures; the suites that run
        // the whole pipeline or the `herald` binary live with Build.
        .target(
            name: "HeraldTestSupport",
            dependencies: ["HeraldCore", "HeraldLoad", "HeraldValidate", "HeraldDerive", "HeraldWrite"],
            path: "Tests/HeraldTestSupport"),
        .testTarget(
            name: "HeraldAuthoringTests",
            dependencies: [
                "HeraldAuthoring", "HeraldBuild", "HeraldCore", "HeraldRender", "HeraldTestSupport",
            ],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldBuildTests",
            dependencies: [
                "HeraldAuthoring", "HeraldBuild", "HeraldChanges", "HeraldCore", "HeraldDerive", "HeraldLoad",
                "HeraldMarkdown", "HeraldRender", "HeraldTemplates", "HeraldValidate", "HeraldWrite",
                "HeraldTestSupport",
            ], exclude: ["Golden"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldChangesTests",
            dependencies: ["HeraldChanges", "HeraldCore", "HeraldDerive", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldCoreTests", dependencies: ["HeraldCore", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldDeriveTests", dependencies: ["HeraldCore", "HeraldDerive", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldLoadTests", dependencies: ["HeraldCore", "HeraldLoad", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldMarkdownTests", dependencies: ["HeraldCore", "HeraldMarkdown", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldRenderTests",
            dependencies: ["HeraldCore", "HeraldDerive", "HeraldRender", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldServeTests", dependencies: ["HeraldCore", "HeraldServe", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldTemplatesTests",
            dependencies: ["HeraldCore", "HeraldTemplates", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldWriteTests", dependencies: ["HeraldCore", "HeraldWrite", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
        .testTarget(
            name: "HeraldValidateTests",
            dependencies: ["HeraldCore", "HeraldLoad", "HeraldValidate", "HeraldTestSupport"],
            linkerSettings: exportsInlineTablesOverride),
    ],
    swiftLanguageModes: [.v6]
)
