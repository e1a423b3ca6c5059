// swift-tools-version:6.0
// libFuzzer targets for ForumLens (docs/fuzzing/README.md). Built and run by scripts/fuzz.sh,
// which passes `--sanitize=fuzzer --sanitize=address` so that the main package's modules are
// instrumented too (flags set here would reach only these targets).
import PackageDescription

let package = Package(
    name: "ForumLensFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // HTML loader and extraction: InputReader.read(bytes, as: .page / .mhtml).
        .executableTarget(
            name: "fuzz-html",
            dependencies: [.product(name: "ForumLensIngest", package: "main"), .product(name: "ForumLensCore", package: "main")],
            path: "Sources/FuzzHTML"),
        // Text layer (normalization, tokens, sentences, language, negation) and the pipeline.
        .executableTarget(
            name: "fuzz-text",
            dependencies: [
                .product(name: "ForumLensText", package: "main"), .product(name: "ForumLensAnalysis", package: "main"),
                .product(name: "ForumLensCore", package: "main"),
            ],
            path: "Sources/FuzzText"),
        // Rule files: rule plugins, process-plugin manifests, site profiles.
        .executableTarget(
            name: "fuzz-rules",
            dependencies: [
                .product(name: "ForumLensAnalysis", package: "main"), .product(name: "ForumLensIngest", package: "main"),
                .product(name: "ForumLensText", package: "main"), .product(name: "ForumLensCore", package: "main"),
            ],
            path: "Sources/FuzzRules"),
        // Message files: JSONL and CSV/TSV.
        .executableTarget(
            name: "fuzz-messages",
            dependencies: [.product(name: "ForumLensIngest", package: "main"), .product(name: "ForumLensCore", package: "main")],
            path: "Sources/FuzzMessages"),
    ],
    swiftLanguageModes: [.v6]
)
