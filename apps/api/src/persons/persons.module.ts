import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ReadModelGate } from '../queries/read-model-gate';
import { PersonVault } from './person-vault';
import { PersonsController } from './persons.controller';
import { PERSON_STORE } from './person-store.token';

@Injectable()
class PersonVaultCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSON_STORE) private readonly persons: PersonVault) {}

  async onApplicationShutdown(): Promise<void> {
    await this.persons.close();
  }
}

@Global()
@Module({})
export class PersonsModule {
  static withStore(persons: PersonVault): DynamicModule {
    return {
      module: PersonsModule,
      controllers: [PersonsController],
      providers: [{ provide: PERSON_STORE, useValue: persons }, PersonVaultCloser, ReadModelGate],
      exports: [PERSON_STORE],
    };
  }
}
