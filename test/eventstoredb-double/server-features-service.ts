import { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';

/** A 21.10+ version, as the double serves what such a server serves (BatchAppend included). */
export const WIRE_DOUBLE_VERSION = '23.10.0-c2g-wire-double';

const STREAMS_METHODS = ['Read', 'Append', 'BatchAppend', 'Delete', 'Tombstone'];

/**
 * Tells the client which calls this server answers. BatchAppend is among them, as on a real
 * server from 21.10 on, so the client sends every appendToStream through it.
 */
export function serverFeaturesService() {
  return {
    getSupportedMethods(_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void {
      const methods = STREAMS_METHODS.map((name) => new SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name.toLowerCase()));
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(WIRE_DOUBLE_VERSION));
    },
  };
}
