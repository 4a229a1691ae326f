import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { InMemoryLog } from './in-memory-log';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';

export interface EventStoreDbDouble {
  /** An esdb:// connection string for @eventstore/db-client. */
  connectionString: string;
  port: number;
  log: InMemoryLog;
  /** Stops listening and drops every open call (a server going away). */
  stop(): Promise<void>;
}

/**
 * A gRPC server speaking the EventStoreDB Streams protocol from the service definitions the
 * client package ships, on a real loopback socket. Pass a port to come back on the same address
 * (a restart), and a log to keep the data across it.
 */
export async function startEventStoreDbDouble(options: { port?: number; log?: InMemoryLog } = {}): Promise<EventStoreDbDouble> {
  const log = options.log ?? new InMemoryLog();
  const server = new Server();
  server.addService(StreamsService, streamsService(log) as never);
  server.addService(ServerFeaturesService, serverFeaturesService() as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    stop: async () => {
      server.forceShutdown();
    },
  };
}
