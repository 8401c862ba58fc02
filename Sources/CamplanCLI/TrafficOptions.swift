import ArgumentParser
import Planner

/// Traffic options of `place` (`--demand accidents`, gateways): one per ``TrafficSettings`` setting.
public struct TrafficOptions: SettingOptions {
    typealias Settings = TrafficSettings

    @Option(name: .customLong("accident-weight"), help: settingHelp(TrafficSettings.self, "accident_weights"))
    var accidentWeight: [String] = []
    @Option(name: .customLong("blackspot-segment"), help: settingHelp(TrafficSettings.self, "blackspot_segment_m"))
    var blackspotSegment: String?
    @Option(name: .customLong("blackspot-min-fatal"), help: settingHelp(TrafficSettings.self, "blackspot_min_fatal"))
    var blackspotMinFatal: String?
    @Option(name: .customLong("blackspot-min-accidents-with-fatal"),
            help: settingHelp(TrafficSettings.self, "blackspot_min_accidents_with_fatal"))
    var blackspotMinAccidentsWithFatal: String?
    @Option(name: .customLong("blackspot-min-accidents"), help: settingHelp(TrafficSettings.self, "blackspot_min_accidents"))
    var blackspotMinAccidents: String?
    @Option(name: .customLong("blackspot-window"), help: settingHelp(TrafficSettings.self, "blackspot_window"))
    var blackspotWindow: String?
    @Option(name: .customLong("blackspot-classes"), parsing: .upToNextOption, help: settingHelp(TrafficSettings.self, "blackspot_classes"))
    var blackspotClasses: [String] = []
    @Option(name: .customLong("blackspot-snap"), help: settingHelp(TrafficSettings.self, "blackspot_snap_m"))
    var blackspotSnap: String?
    @Option(name: .customLong("blackspot-priority"), help: settingHelp(TrafficSettings.self, "blackspot_priority"))
    var blackspotPriority: String?
    @Option(name: .customLong("gateway-group"), help: settingHelp(TrafficSettings.self, "gateway_groups"))
    var gatewayGroup: [String] = []
    @Option(name: .customLong("gateway-classes"), parsing: .upToNextOption, help: settingHelp(TrafficSettings.self, "gateway_classes"))
    var gatewayClasses: [String] = []
    @Option(name: .customLong("plate-camera"), help: settingHelp(TrafficSettings.self, "plate_camera"))
    var plateCamera: String?

    public init() {}

    var given: [(key: String, value: SettingValue?)] {
        [("accident_weights", list(accidentWeight)), ("blackspot_segment_m", text(blackspotSegment)),
         ("blackspot_min_fatal", text(blackspotMinFatal)), ("blackspot_min_accidents_with_fatal", text(blackspotMinAccidentsWithFatal)),
         ("blackspot_min_accidents", text(blackspotMinAccidents)), ("blackspot_window", text(blackspotWindow)),
         ("blackspot_classes", list(blackspotClasses)), ("blackspot_snap_m", text(blackspotSnap)),
         ("blackspot_priority", text(blackspotPriority)), ("gateway_groups", list(gatewayGroup)),
         ("gateway_classes", list(gatewayClasses)), ("plate_camera", text(plateCamera))]
    }

    public mutating func validate() throws { _ = try settings() }
}
