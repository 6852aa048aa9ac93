import ArgumentParser
import CommandLineSupport
import TwilioConferences
import TwilioModels

// The dial-out's closed value lists parse straight from the command line: a value outside the
// list is refused by argument parsing, with one line naming the flag and every allowed value.
extension Beep: ExpressibleByArgument {}
extension ConferenceRecord: ExpressibleByArgument {}
extension RecordingTrim: ExpressibleByArgument {}
extension RecordingChannels: ExpressibleByArgument {}
extension RecordingTrack: ExpressibleByArgument {}
extension MixingRegion: ExpressibleByArgument {}
extension MachineDetection: ExpressibleByArgument {}
extension JitterBufferSize: ExpressibleByArgument {}
extension CallStatusEvent: ExpressibleByArgument {}
extension ConferenceStatusEvent: ExpressibleByArgument {}
extension RecordingStatusEvent: ExpressibleByArgument {}
extension ConferenceRecordingStatusEvent: ExpressibleByArgument {}
