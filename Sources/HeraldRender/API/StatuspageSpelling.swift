import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Statuspage spells enumerations with underscores where Herald's content uses hyphens.
enum StatuspageSpelling {
    static func status(_ status: ComponentStatus) -> String { underscored(status.slug) }
    static func phase(_ phase: IncidentPhase) -> String { underscored(phase.rawValue) }
    static func phase(_ phase: MaintenancePhase) -> String { underscored(phase.rawValue) }

    private static func underscored(_ slug: String) -> String {
        slug.replacingOccurrences(of: "-", with: "_")
    }
}
