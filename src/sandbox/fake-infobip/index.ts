export {
  type FakeInfobip,
  type FakeInfobipMessage,
  type FakeInfobipOptions,
  type RecordedInfobipRequest,
  startFakeInfobip,
} from './fake-infobip-server.ts'
