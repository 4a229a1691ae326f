import { Inject, Injectable } from '@nestjs/common';
import {
  communityDecider,
  communityStreamId,
  duplicateFlagDecider,
  needDecider,
  needStreamId,
  pairingDecider,
  pairingStreamId,
  planDecider,
  planStreamId,
  ProgramTerms,
} from '@c2g/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Every stream type's decider, built once with the configured program terms. */
@Injectable()
export class Deciders {
  readonly terms: ProgramTerms;
  readonly community = communityDecider;
  readonly pairing;
  readonly need;
  readonly plan;
  readonly duplicateFlag = duplicateFlagDecider;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.terms = config.programTerms;
    this.pairing = pairingDecider(this.terms);
    this.need = needDecider(this.terms);
    this.plan = planDecider(this.terms);
  }

  /** The stream targets commands are run on. */
  communityStream(id: string) {
    return { id, streamId: communityStreamId(id), decider: this.community };
  }

  pairingStream(id: string) {
    return { id, streamId: pairingStreamId(id), decider: this.pairing };
  }

  needStream(id: string) {
    return { id, streamId: needStreamId(id), decider: this.need };
  }

  planStream(id: string) {
    return { id, streamId: planStreamId(id), decider: this.plan };
  }
}
