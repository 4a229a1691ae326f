import { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

export const WIRE_DOUBLE_VERSION = '0.0.0-c2g-wire-double';

/**
 * Tells the client which calls this server answers. BatchAppend is not among them, so the
 * client appends with the Append call — the same path it takes against servers that do not offer BatchAppend.
 */
export function serverFeaturesService() {
  return {
    getSupportedMethods(_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void {
      const methods = ['Read', 'Append'].map((name) =>
        new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name),
      );
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(WIRE_DOUBLE_VERSION));
    },
  };
}
