import { applyDecorators, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { parseVerifierKey } from '@c2g/event-store';
import { Roles } from '../../auth/access.decorators';
import { CheckpointsQueryDto, ConsistencyQueryDto, EventPositionParamDto, InclusionQueryDto } from './transparency.dto';
import { TransparencyLogService } from './transparency-log.service';

const CHECKPOINT_SCHEMA = {
  type: 'object',
  properties: {
    origin: { type: 'string' }, treeSize: { type: 'integer' }, rootHash: { type: 'string', description: 'hex' },
    timestamp: { type: 'string' }, note: { type: 'string', description: 'C2SP signed note (tlog-checkpoint)' },
    verifierKey: { type: 'string', description: 'name+keyid+base64 Ed25519 key' },
  },
};
const HEXES = { type: 'array', items: { type: 'string', description: 'hex SHA-256' } };
const AUDITOR = 'Role: auditor.';
/** 401 and 403, answered to every route here by the key guard. */
const Denied = () =>
  applyDecorators(ApiResponse({ status: 401, description: 'no or unknown API key' }), ApiResponse({ status: 403, description: 'the key is not an auditor key' }));

/** The transparency log: signed checkpoints of the Merkle tree over the whole log, and proofs against them. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class TransparencyController {
  constructor(private readonly log: TransparencyLogService) {}

  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 key that signs checkpoints', description: `${AUDITOR} Pin it out of band; verify every checkpoint with it.` })
  @ApiResponse({ status: 200, description: 'the key, as a C2SP verifier key and raw', schema: { type: 'object', properties: { algorithm: { type: 'string' }, verifierKey: { type: 'string' }, keyName: { type: 'string' }, keyId: { type: 'string' }, publicKey: { type: 'string', description: 'base64, 32 bytes' } } } })
  @Denied()
  publicKey() {
    const key = parseVerifierKey(this.log.verifierKey);
    return { algorithm: 'Ed25519', verifierKey: this.log.verifierKey, keyName: key.name, keyId: key.keyId.toString('hex'), publicKey: key.publicKey.toString('base64') };
  }

  @Get('checkpoint')
  @ApiOperation({ summary: 'A signed checkpoint of the whole log now', description: `${AUDITOR} Signs the current tree if it grew since the last checkpoint (waiting up to C2G_READ_WAIT_MS for it to reach the log's head). Save the answer: \`c2g verify --checkpoint\` checks the log against it later.` })
  @ApiResponse({ status: 200, description: 'the checkpoint', schema: CHECKPOINT_SCHEMA })
  @ApiResponse({ status: 409, description: 'log-inconsistent-with-checkpoint: the log no longer extends the last signed checkpoint; nothing is signed' })
  @Denied()
  checkpoint() {
    return this.log.checkpointNow();
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Checkpoints signed so far, oldest first', description: `${AUDITOR} Page with ?from= (a tree size); nextFrom says where the next page starts.` })
  @ApiResponse({ status: 200, description: 'a page of checkpoints', schema: { type: 'object', properties: { items: { type: 'array', items: CHECKPOINT_SCHEMA }, nextFrom: { type: 'string' } } } })
  @ApiResponse({ status: 400, description: 'validation-failed: from or limit is not a whole number in range' })
  @Denied()
  checkpoints(@Query() query: CheckpointsQueryDto) {
    return this.log.checkpointsFrom(Number(query.from ?? 0), query.limit);
  }

  @Get('events/:position/inclusion')
  @ApiOperation({ summary: 'Audit path of one event in a tree size', description: `${AUDITOR} RFC 9162 inclusion proof: the event at this log position is leaf leafIndex of the tree of treeSize events.` })
  @ApiResponse({ status: 200, description: 'the proof', schema: { type: 'object', properties: { position: { type: 'string' }, leafIndex: { type: 'integer' }, treeSize: { type: 'integer' }, leafHash: { type: 'string' }, rootHash: { type: 'string' }, auditPath: HEXES } } })
  @ApiResponse({ status: 400, description: 'validation-failed, tree-size-beyond-tree, or tree-too-small (the event came later than treeSize)' })
  @ApiResponse({ status: 404, description: 'event-not-in-tree: no event at that position (or the tree has not reached it yet)' })
  @Denied()
  inclusion(@Param() { position }: EventPositionParamDto, @Query() query: InclusionQueryDto) {
    return this.log.inclusion(BigInt(position), query.treeSize === undefined ? undefined : Number(query.treeSize));
  }

  @Get('consistency')
  @ApiOperation({ summary: 'Consistency proof between two tree sizes', description: `${AUDITOR} RFC 9162 consistency proof that the tree of ?from= events is a prefix of the tree of ?to= events (default: now).` })
  @ApiResponse({ status: 200, description: 'the proof', schema: { type: 'object', properties: { from: { type: 'integer' }, to: { type: 'integer' }, fromRoot: { type: 'string' }, toRoot: { type: 'string' }, proof: HEXES } } })
  @ApiResponse({ status: 400, description: 'validation-failed, tree-size-beyond-tree, or tree-sizes-reversed' })
  @Denied()
  consistency(@Query() query: ConsistencyQueryDto) {
    return this.log.consistency(Number(query.from), query.to === undefined ? undefined : Number(query.to));
  }
}
