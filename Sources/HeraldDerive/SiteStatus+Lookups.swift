import HeraldCore

extension SiteStatus {
    /// The phase of an incident as of `now`; from its own fields for one the derivation did not see.
    package func phase(of incident: Incident) -> IncidentPhase {
        incidentPhases[incident.slug] ?? (incident.resolved == nil ? .investigating : .resolved)
    }

    /// Where a maintenance window stands as of `now`.
    package func state(of maintenance: Maintenance) -> MaintenanceState {
        maintenanceStates[maintenance.slug] ?? StatusDeriver.state(of: maintenance, at: now)
    }
}
