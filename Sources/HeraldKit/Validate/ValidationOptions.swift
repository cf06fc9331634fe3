/// What the command line changes about validation.
public struct ValidationOptions: Sendable {
    /// Keep `draft: true` content in the `Site` (`--drafts`).
    public var includeDrafts: Bool
    /// Replaces `site.yml`'s `base_url` (`--base-url`).
    public var baseURLOverride: String?

    public init(includeDrafts: Bool = false, baseURLOverride: String? = nil) {
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
    }
}
