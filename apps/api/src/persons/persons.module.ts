import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { PersonStore } from './person-store';
import { PersonsController } from './persons.controller';

import { PERSON_STORE } from './person-store.token';

@Injectable()
class PersonStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSON_STORE) private readonly persons: PersonStore) {}

  onApplicationShutdown(): void {
    this.persons.close();
  }
}

@Global()
@Module({})
export class PersonsModule {
  static withStore(persons: PersonStore): DynamicModule {
    return {
      module: PersonsModule,
      controllers: [PersonsController],
      providers: [{ provide: PERSON_STORE, useValue: persons }, PersonStoreCloser],
      exports: [PERSON_STORE],
    };
  }
}
