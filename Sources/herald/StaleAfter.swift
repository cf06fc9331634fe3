import ArgumentParser
import Foundation
import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

/// A duration written as `4h`, `90m`, `1h30m` or `2d` (for `check --stale-after`).
struct StaleAfter: ExpressibleByArgument {
    var seconds: TimeInterval

    init?(argument: String) {
        guard let seconds = DurationText.seconds(argument) else { return nil }
        self.seconds = seconds
    }
}
