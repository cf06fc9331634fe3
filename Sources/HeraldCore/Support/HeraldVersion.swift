/// Herald's own version, as `herald --version` prints it. Raised with every release.
package enum HeraldVersion {
    package static let current = "0.3.0"
}
