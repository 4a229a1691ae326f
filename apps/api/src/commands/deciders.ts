import { Inject, Injectable } from '@nestjs/common';
import {
  communityDecider,
  duplicateFlagDecider,
  needDecider,
  pairingDecider,
  planDecider,
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
}
