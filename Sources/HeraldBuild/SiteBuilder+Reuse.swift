import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

extension SiteBuilder {
    /// The no-change fast path: the result of the build that made the current output, when the
    /// record it left has the fingerprint `inputs` and the output is exactly as that build left
    /// it (every folder and file has its recorded identity). Nil otherwise, and the build takes
    /// the full path: the cache is only an optimisation.
    ///
    /// The first rebuild after a build with no previous state is never reused: its previous
    /// state is the output's new `api/state.json`, so its fingerprint differs, and rightly so,
    /// as its `api/changes.json` will say "no changes" instead of "first build".
    static func reuse(_ inputs: InputFingerprint, cacheDirectory: String, outputDirectory: String) -> Built? {
        guard let data = CacheFile.read(BuildRecord.path(inCache: cacheDirectory)),
            let record = BuildRecord.decode(data), record.inputs == inputs.hash
        else { return nil }
        let manifest = BuildCache.loadManifest(directory: cacheDirectory)
        guard let changesEntry = manifest.entries[SitePaths.changes],
            manifest.foldersAreIntact(in: outputDirectory, on: BuildCache.disk),
            manifest.filesAreIntact(in: outputDirectory, on: BuildCache.disk),
            let changes = readChanges(outputDirectory, key: changesEntry.key)
        else { return nil }
        return Built(
            paths: Array(manifest.entries.keys), written: 0, changes: changes, warnings: record.warnings,
            previousStateProblem: record.previousStateProblem, stages: StageTimes(), reusedOutput: true)
    }

    /// The output's `api/changes.json`, provided its bytes are those Herald wrote (their hash is
    /// the manifest's `key`) and decode to changes that encode to the same bytes.
    private static func readChanges(_ outputDirectory: String, key: StableHash) -> StateChanges? {
        guard let bytes = CacheFile.read("\(outputDirectory)/\(SitePaths.changes)"),
            PlannedFile(OutputFile(path: SitePaths.changes, contents: bytes)).key == key,
            let changes = try? StateChanges.decode(bytes),
            changes.encoded() == bytes
        else { return nil }
        return changes
    }
}
