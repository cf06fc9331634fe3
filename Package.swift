// swift-tools-version:6.0
import PackageDescription

/// Exports `Sources/CCmarkInlineTables`' replacement of a cmark-gfm function from the binary, so
/// that the dynamic linker binds the library's own calls to it (see `cmark_inline_tables.c`).
/// Needed on the targets that link a binary (a library target's linker settings would reach
/// them too, but as unsafe flags would stop other packages from depending on HeraldKit); only
/// Linux's ELF linkers take the option.
let exportsInlineTablesOverride: [LinkerSetting] = [
    .unsafeFlags(
        ["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"],
        .when(platforms: [.linux])),
]

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "HeraldKit", targets: ["HeraldKit"]),
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
        .target(
            name: "HeraldKit",
            dependencies: [
                "CCmarkGFM",
                "CAtomicSwap",
                "CCmarkInlineTables",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "HeraldServe",
            dependencies: [
                "HeraldKit",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldKit",
                "HeraldServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: exportsInlineTablesOverride
        ),
        .testTarget(
            name: "HeraldKitTests",
            dependencies: ["HeraldKit", "HeraldServe"],
            exclude: ["Golden"],
            linkerSettings: exportsInlineTablesOverride
        ),
    ],
    swiftLanguageModes: [.v6]
)
