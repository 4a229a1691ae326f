import { DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';
import { loadSigningKey } from '@c2g/event-store';
import { AppConfig } from '../../config/app-config';
import { CheckpointHistory } from './checkpoint-history';
import { TransparencyController } from './transparency.controller';
import { CHECKPOINT_HISTORY, TRANSPARENCY_SIGNER, TransparencyLogService } from './transparency-log.service';

/** Signed checkpoints and proofs of the transparency log (the tree itself is a read model). */
@Module({})
export class TransparencyModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: TransparencyModule,
      controllers: [TransparencyController],
      providers: [
        { provide: TRANSPARENCY_SIGNER, useFactory: () => loadSigningKey({ dataDir: config.dataDir, envKey: config.transparency.signingKey, origin: config.transparency.origin, create: true }) },
        { provide: CHECKPOINT_HISTORY, useFactory: () => CheckpointHistory.open(join(config.dataDir, 'checkpoints.sqlite')) },
        TransparencyLogService,
      ],
    };
  }
}
