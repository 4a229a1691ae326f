import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Checkpoint, checkpointView, CheckpointView, EventStore, NoteSigner, signCheckpoint } from '@c2g/event-store';
import { leafIndexAt, ReadSide, storedTree, storedTreeSize, TRANSPARENCY_LOG as TREE } from '@c2g/projections';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RAW_EVENT_STORE } from '../../event-store/event-store.module';
import { PROJECTION_RUNNER } from '../../read-models/projection-runner.token';
import { CheckpointHistory, StoredCheckpoint } from './checkpoint-history';

export const TRANSPARENCY_SIGNER = Symbol('TRANSPARENCY_SIGNER');
export const CHECKPOINT_HISTORY = Symbol('CHECKPOINT_HISTORY');
/** Positions are SQLite / EventStoreDB 64-bit integers; anything larger names no event. */
const MAX_POSITION = 2n ** 63n - 1n;

const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('hex'));

/**
 * Signs checkpoints of the transparency tree the projector keeps right behind the log, and
 * answers proofs from its stored subtree hashes. Before signing a larger tree it checks that
 * the tree still has the root it signed last time: a log rewritten under it (and the tree
 * rebuilt from it) is refused loudly instead of signed.
 */
@Injectable()
export class TransparencyLogService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TransparencyLog');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly readSide: ReadSide,
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(TRANSPARENCY_SIGNER) private readonly signer: NoteSigner,
    @Inject(CHECKPOINT_HISTORY) private readonly history: CheckpointHistory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.transparency.checkpointIntervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      try {
        this.signIfGrown();
      } catch (error) {
        this.logger.error(`no checkpoint signed: ${(error as Error).message}`);
      }
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.history.close();
  }

  get verifierKey(): string {
    return this.signer.verifierKey;
  }

  /** On request: the tree is given until C2G_READ_WAIT_MS to reach the log's head, then signed if it grew. */
  async checkpointNow(): Promise<CheckpointView> {
    await this.readSide.waitFor([TREE], await this.store.headPosition(), this.config.readWaitMs);
    // An empty log signs the empty tree's checkpoint each time (not kept: it proves nothing to extend).
    return this.signIfGrown() ?? this.view(this.history.latest()!);
  }

  checkpointsFrom(fromSize: number, limit: number): { items: CheckpointView[]; nextFrom?: string } {
    const rows = this.history.from(fromSize, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map((row) => this.view(row)), ...(rows.length > limit ? { nextFrom: String(rows[limit].treeSize) } : {}) };
  }

  inclusion(position: bigint, treeSizeAsked: number | undefined) {
    const db = this.readSide.database(TREE);
    const size = storedTreeSize(db);
    const leafIndex = position <= MAX_POSITION ? leafIndexAt(db, position) : undefined;
    if (leafIndex === undefined) {
      throw new NotFoundException({ code: 'event-not-in-tree', message: `no event at position ${position} in the tree of ${size} events` });
    }
    const treeSize = treeSizeAsked ?? size;
    this.assertSize('treeSize', treeSize, size);
    if (treeSize <= leafIndex) {
      throw new BadRequestException({ code: 'tree-too-small', message: `the event at position ${position} is leaf ${leafIndex}: it is in trees of size ${leafIndex + 1} or more, not ${treeSize}` });
    }
    const { tree, nodes } = storedTree(db);
    const leaf = nodes.node(0, leafIndex);
    const auditPath = tree.inclusionProof(leafIndex, treeSize);
    return { position: position.toString(), leafIndex, treeSize, leafHash: leaf.toString('hex'), rootHash: tree.root(treeSize).toString('hex'), auditPath: hex(auditPath) };
  }

  consistency(from: number, toAsked: number | undefined) {
    const db = this.readSide.database(TREE);
    const size = storedTreeSize(db);
    const to = toAsked ?? size;
    this.assertSize('to', to, size);
    if (from > to) throw new BadRequestException({ code: 'tree-sizes-reversed', message: `from (${from}) must not exceed to (${to})` });
    const { tree } = storedTree(db);
    return { from, to, fromRoot: tree.root(from).toString('hex'), toRoot: tree.root(to).toString('hex'), proof: hex(tree.consistencyProof(from, to)) };
  }

  private assertSize(name: string, value: number, size: number): void {
    if (value > size) throw new BadRequestException({ code: 'tree-size-beyond-tree', message: `${name} ${value} is beyond the tree, which has ${size} events now` });
  }

  /** Signs the current tree if it is larger than the last checkpoint and extends it. */
  private signIfGrown(): CheckpointView | undefined {
    const db = this.readSide.database(TREE);
    const size = storedTreeSize(db);
    const last = this.history.latest();
    if (last && size <= last.treeSize) return undefined;
    const { tree } = storedTree(db);
    if (last) {
      const root = tree.root(last.treeSize).toString('hex');
      if (root !== last.rootHash) {
        const message =
          `the log no longer matches checkpoint ${last.treeSize} signed ${last.timestamp} (root ${last.rootHash}, the log's first ${last.treeSize} events give ${root}): ` +
          'events were rewritten, removed or reordered; run `c2g verify --checkpoint` against a saved checkpoint to find where. Nothing is signed until this is resolved.';
        this.logger.error(message);
        throw new ConflictException({ code: 'log-inconsistent-with-checkpoint', message });
      }
    }
    return this.sign(size, tree.root(size));
  }

  private sign(size: number, rootHash: Buffer): CheckpointView {
    const checkpoint: Checkpoint = {
      origin: this.config.transparency.origin,
      treeSize: size,
      rootHash,
      timestamp: new Date().toISOString(),
    };
    const view = checkpointView(checkpoint, signCheckpoint(this.signer, checkpoint), this.signer.verifierKey);
    if (size > 0) this.history.add(this.toStored(view));
    return view;
  }

  private toStored(view: CheckpointView): StoredCheckpoint {
    return { treeSize: view.treeSize, rootHash: view.rootHash, timestamp: view.timestamp, note: view.note, verifierKey: view.verifierKey };
  }

  private view(row: StoredCheckpoint): CheckpointView {
    const origin = row.note.slice(0, row.note.indexOf('\n'));
    return { origin, treeSize: row.treeSize, rootHash: row.rootHash, timestamp: row.timestamp, note: row.note, verifierKey: row.verifierKey };
  }
}
