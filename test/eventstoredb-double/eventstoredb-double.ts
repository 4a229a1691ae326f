import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { DEFAULT_MAX_APPEND_SIZE, InMemoryLog } from './in-memory-log';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';

export interface EventStoreDbDouble {
  /** An esdb:// connection string for @eventstore/db-client. */
  connectionString: string;
  port: number;
  log: InMemoryLog;
  /** Holds every append that arrives from now on, unanswered, until the returned release is called. */
  holdAppends(): () => void;
  /** Calls served so far, by Streams method (read, append, batchAppend, delete, tombstone). */
  served: Record<string, number>;
  /** Stops listening and drops every open call (a server going away). */
  stop(): Promise<void>;
}

export interface EventStoreDbDoubleOptions {
  /** Come back on the same address (a restart). */
  port?: number;
  /** Keep the data across a restart. */
  log?: InMemoryLog;
  /** The server's MaxAppendSize; 1 MiB like a real server's default. */
  maxAppendSize?: number;
}

/**
 * A gRPC server speaking the EventStoreDB Streams protocol from the service definitions the
 * client package ships, on a real loopback socket.
 */
export async function startEventStoreDbDouble(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
  const log = options.log ?? new InMemoryLog();
  let hold: Promise<void> | undefined;
  const served: Record<string, number> = {};
  const server = new Server();
  server.addService(StreamsService, streamsService(log, { maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE, appendGate: () => hold, served }) as never);
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
    served,
    holdAppends() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
    stop: async () => {
      server.forceShutdown();
    },
  };
}
